-- pairs over every part of a table: array values, string keys (few, as fields of the
-- object part; many, as a dictionary), and other keys (floats, booleans, tables), with
-- values cleared and reassigned while the walk goes on. Keys are collected and sorted.
local function walk(t, edit)
  local seen = {}
  for k, v in pairs(t) do
    if edit then edit(t, k, v) end
    seen[#seen + 1] = type(k) .. ":" .. tostring(k) .. "=" .. tostring(v)
  end
  table.sort(seen)
  return table.concat(seen, " ")
end

local key = {}
local function mixed()
  local t = { 10, 20, 30, x = 1, y = 2 }
  t[2.5] = "f"
  t[true] = "b"
  t[key] = "t"
  t[5] = 50 -- beyond the array part
  return t
end
print((walk(mixed()):gsub("table: 0x%x+", "table")))

-- clearing the current key, and one not walked yet (whichever of x and y comes first
-- clears the other, so exactly one of them is seen)
local xy = 0
local cleared = walk(mixed(), function(t, k)
  t[k] = nil
  if k == 1 then t[3] = nil end
  if k == "x" then xy = xy + 1 t.y = nil end
  if k == "y" then xy = xy + 1 t.x = nil end
end)
print((cleared:gsub("table: 0x%x+", "table"):gsub(" string:[xy]=%d", "")), xy)

-- reassigning existing keys during the walk: the new values are seen where not yet walked
local t = { 1, 2, 3, a = "a", b = "b" }
local n = 0
for k, v in pairs(t) do
  n = n + 1
  if k == 1 then t[3] = 33 end
end
print(n, t[3])

-- a dictionary: many string keys from computed names
local d = {}
for i = 1, 100 do d["k" .. i] = i end
local sum, count = 0, 0
for k, v in pairs(d) do
  sum = sum + v
  count = count + 1
  if v % 2 == 0 then d[k] = nil end -- clear as we go
end
print(count, sum)
count = 0
for k, v in pairs(d) do count = count + 1 end
print(count)
-- clearing keys not yet walked
local e = {}
for i = 1, 50 do e["e" .. i] = i end
local walked = 0
for k, v in pairs(e) do
  walked = walked + 1
  for j = 1, 50 do if j ~= v then e["e" .. j] = nil end end
end
print(walked, next(e) ~= nil)

-- pairs over empty tables, one with only other keys, and a start key of the program's own
print(walk({}), walk({ [1.5] = 1 }))
local s = { 1, 2, 3, z = 26 }
local after = {}
for k, v in next, s, 1 do after[#after + 1] = tostring(k) .. "=" .. v end
table.sort(after)
print(table.concat(after, " "))
-- an array part that shrinks during the walk
local r = { 1, 2, 3, 4, q = 1 }
local got = {}
for k in pairs(r) do
  got[#got + 1] = tostring(k)
  if k == 2 then r[4] = nil r[3] = nil end
end
table.sort(got)
print(table.concat(got, " "))
