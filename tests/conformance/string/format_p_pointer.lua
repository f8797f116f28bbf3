print(string.format("%p %p %p", 1, nil, true))
local t = {}
print(string.format("%p", t) == string.format("%p", t), string.format("%p", t) ~= string.format("%p", {}))
print(string.format("[%10p]", nil))
