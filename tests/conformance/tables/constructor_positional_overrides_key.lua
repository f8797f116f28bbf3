local t = {[1] = "key", "pos"}
print(t[1])
local u = {"pos", [1] = "key"}
print(u[1])
