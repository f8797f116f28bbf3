local s = [=abc]=]
