local t = setmetatable({}, {__tostring = function(self) return "<obj>" end})
print(t)
print(tostring(t))
print(("%s"):format(t))
