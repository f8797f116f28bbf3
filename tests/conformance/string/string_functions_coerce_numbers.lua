print(string.upper(12), string.rep(1, 3), string.find(12345, 34))
print(string.format("%s|%s", 1, 2.5), string.gsub(1234, 2, 9))
