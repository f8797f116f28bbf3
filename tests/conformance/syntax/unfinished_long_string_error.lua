local s = [[abc
