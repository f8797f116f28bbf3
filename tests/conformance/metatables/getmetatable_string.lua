print(getmetatable("").__index == string)
print(getmetatable(1), getmetatable(nil), getmetatable(print))
