local obj = {}
obj.fn = setmetatable({}, {__call = function(self, o, arg) return rawequal(o, obj), arg end})
print(obj:fn("a"))
