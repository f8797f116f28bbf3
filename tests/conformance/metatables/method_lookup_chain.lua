-- obj:m() found on the object, its class (__index table), the parent class, further up,
-- through an __index function, in tables holding many computed string keys, or nowhere
local Base = {}
Base.__index = Base
function Base:who() return "base " .. self.name end
function Base:hello() return "hello from base" end
local Mid = setmetatable({}, Base)
Mid.__index = Mid
function Mid:who() return "mid " .. self.name end
local Leaf = setmetatable({}, Mid)
Leaf.__index = Leaf
local a = setmetatable({ name = "a" }, Base)
local m = setmetatable({ name = "m" }, Mid)
local l = setmetatable({ name = "l" }, Leaf)
print(a:who(), m:who(), l:who(), m:hello(), l:hello())
l.who = function(self) return "own " .. self.name end
print(l:who())
-- a class whose string keys live in its dictionary part
local Dict = {}
for i = 1, 40 do Dict["k" .. i] = i end
Dict.__index = Dict
function Dict:get(n) return self["k" .. n] end
local d = setmetatable({}, Dict)
print(d:get(7), d.k40)
local Child = setmetatable({}, Dict)
Child.__index = Child
for i = 1, 40 do Child["c" .. i] = i end
local c = setmetatable({}, Child)
print(c:get(3), c.c2)
-- __index functions at the first and second level
local F1 = setmetatable({}, { __index = function(_, k) return function() return "f1 " .. k end end })
print(F1:anything())
local P = setmetatable({}, { __index = function(_, k) return function(self) return "via fn " .. k end end })
P.__index = P
local o = setmetatable({}, P)
print(o:go())
-- not found
print(pcall(function() return a:missing() end))
print(pcall(function() return l:missing() end))
local s = "abc"
print(s:upper(), ("x"):rep(3))
print(pcall(function() local n = 1; return n:foo() end))
