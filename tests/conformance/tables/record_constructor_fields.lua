-- record constructors {a = x, b = y}: nil values, multiple results, shared shapes, later stores
local function two() return "first", "second" end
local function none() end
local a = {x = 1, y = nil, z = two()}
print(a.x, a.y, a.z, rawget(a, "y"))
local n = 0
for k, v in pairs(a) do n = n + 1 end
print("fields", n)
local b = {p = none()}
print(b.p, next(b))
local list = {}
for i = 1, 5 do list[i] = {key = i * 2, id = (i % 2 == 0) and i or nil} end
for i = 1, 5 do print(list[i].key, list[i].id) end
list[2].key = nil
list[2].extra = "e"
list[3].id = "three"
print(list[2].key, list[2].extra, list[3].id, list[4].extra)
local c = {__index = 1, __newindex = 2, __proto__ = 3, toString = 4, constructor = 5}
print(c.__index, c.__newindex, c.__proto__, c.toString, c.constructor)
local mt = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 10) end})
mt.a = 1
print(mt.a)
local e = {}
e.f = 1
e.g = nil
print(e.f, e.g, #e)
local u = {} u[1.0] = "one" u[2] = "two"
print(u[1], #u, u[2.0])
print(pcall(function() local t = {} t[0/0] = 1 end))
print(pcall(function() local t = {} t[nil] = 1 end))
-- assignments to existing fields during traversal
local r = {a = 1, b = 2, c = 3, d = 4}
for k, v in pairs(r) do r[k] = v * 2 end
print(r.a, r.b, r.c, r.d)
for k in pairs(r) do r[k] = nil end
print(next(r))
