local t
t = setmetatable({name = "obj"}, {__call = function(self, ...) return self == t, select('#', ...) end})
print(t())
print(t(nil, nil))
