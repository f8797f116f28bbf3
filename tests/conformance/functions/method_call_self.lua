local obj = {name = "obj"}
function obj:who(suffix) return self.name .. (suffix or "") end
print(obj:who(), obj.who(obj, "!"), obj.who({name = "other"}))
