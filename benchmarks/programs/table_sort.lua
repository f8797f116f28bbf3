-- table_sort: table.insert of 450k pseudo-random integers, then table.sort with the
-- default order; a second array sorted with a comparator function (descending); records
-- sorted by two keys through a comparator; strings sorted with the default order.
-- Stresses: table.insert appends, the quicksort, `<` on numbers and strings, calls to
-- a Lua comparator. The checksum samples the sorted arrays.
local N = tonumber(arg and arg[1]) or 450000

local seed = 12345
local function rand()
  seed = (seed * 16807) % 2147483647
  return seed
end

-- 1. table.insert + default sort
local t = {}
for i = 1, N do
  table.insert(t, rand() % 1000000)
end
table.sort(t)
local sum = 0
for i = 1, N, 997 do
  sum = (sum + t[i] * i) % 1000000007
end

-- 2. sort with a comparator
local u = {}
for i = 1, N do
  u[i] = rand() % 1000000
end
table.sort(u, function(a, b) return a > b end)
for i = 1, N, 991 do
  sum = (sum + u[i] * i) % 1000000007
end

local bad = 0
for i = 2, N do
  if t[i - 1] > t[i] then bad = bad + 1 end
  if u[i - 1] < u[i] then bad = bad + 1 end
end

-- 3. records by two keys
local recs = {}
for i = 1, N // 4 do
  recs[i] = {key = rand() % 10000, id = i}
end
table.sort(recs, function(a, b)
  if a.key ~= b.key then return a.key < b.key end
  return a.id < b.id
end)
for i = 1, #recs, 101 do
  sum = (sum + recs[i].id * i) % 1000000007
end

-- 4. strings
local words = {}
for i = 1, N // 4 do
  words[i] = "w" .. (rand() % 100000)
end
table.sort(words)
for i = 2, #words do
  if words[i - 1] > words[i] then bad = bad + 1 end
end
sum = (sum + #words[1] + #words[#words]) % 1000000007

print(N .. " " .. bad .. " " .. sum)
