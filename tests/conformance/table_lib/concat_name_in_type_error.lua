local obj = setmetatable({}, {__name = "Widget"})
print(pcall(table.insert, obj, 1))
print(pcall(table.concat, {}, obj))
