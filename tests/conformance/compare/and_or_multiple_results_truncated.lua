local function two() return 1, 2 end
print(two() and two())
print(nil or two())
print((two()))
