-- integral floats, -0.0, NaN and inf held in string-keyed fields keep their subtype and
-- value through every way of storing and reading them
local function show(label, v)
  print(label, math.type(v), v, v ~= v)
end

-- a record constructor with floats, integers and a NaN
local r = { a = 0.0, b = 1, c = -0.0, d = 0/0, e = 2^53, f = 1.5, g = -(0/0), h = 1/0 }
for _, k in ipairs({ "a", "b", "c", "d", "e", "f", "g", "h" }) do show("ctor " .. k, r[k]) end
print(1/r.c, 1/r.a)

-- stores through constant names, then overwritten by other subtypes and back
local t = {}
t.x = 3.0; show("t.x", t.x)
t.x = 3; show("t.x int", t.x)
t.x = 0/0; show("t.x nan", t.x)
t.x = 7.0; show("t.x again", t.x)
t.x = "7.0"; show("t.x str", t.x)
t.x = -0.0; show("t.x negzero", t.x); print(1/t.x)
t.x = nil; show("t.x nil", t.x)
t.x = 2.5; show("t.x frac", t.x)

-- computed keys, rawset/rawget, and a table that turns into a dictionary
local d = {}
for i = 1, 40 do d["k" .. i] = (i % 3 == 0) and i + 0.0 or ((i % 3 == 1) and i or 0/0) end
for _, i in ipairs({ 1, 2, 3, 30, 39, 40 }) do show("dict k" .. i, d["k" .. i]) end
rawset(t, "y", 4.0); show("rawget y", rawget(t, "y"))
local kf = "z"; t[kf] = 8.0; show("t[kf]", t[kf])

-- pairs sees the same values
local seen = {}
for k, v in pairs({ p = 1.0, q = 2, s = 0/0 }) do seen[#seen + 1] = k .. "=" .. math.type(v) .. ":" .. tostring(v ~= v) end
table.sort(seen)
print(table.concat(seen, " "))

-- arithmetic on a field read keeps float arithmetic
local o = { n = 10.0 }
for i = 1, 3 do o.n = o.n + 1 end
show("o.n", o.n)
print(o.n // 3, o.n % 3, 3 // 0.0)

-- calling a float field names it
print(pcall(function() local m = { f = 1.0 }; return m:f() end))
print(pcall(function() local m = { f = 0/0 }; return m.f() end))
