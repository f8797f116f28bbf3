-- table_fill_sum: big array part + string-keyed hash part.
-- Stresses: t[i] = v appends (array growth/rehash), ipairs-free indexed
-- reads, `#t`, string concatenation for keys, hash insert/lookup with
-- string keys, pairs() traversal.
local N = tonumber(arg and arg[1]) or 3000000
local K = 200000

-- 1. fill an array sequentially and sum it
local arr = {}
for i = 1, N do
  arr[i] = i % 1000
end
local sum = 0
for i = 1, #arr do
  sum = sum + arr[i]
end

-- 2. overwrite in place, then sum again with a reverse loop
for i = 1, N, 2 do
  arr[i] = arr[i] * 2
end
local sum2 = 0
for i = #arr, 1, -1 do
  sum2 = sum2 + arr[i]
end

-- 3. hash map with string keys: insert, look up, update, traverse
local map = {}
for i = 1, K do
  map["key" .. i] = i
end
local hits = 0
for i = 1, K * 2, 3 do
  local v = map["key" .. i]
  if v then
    hits = hits + v % 97
    map["key" .. i] = v + 1
  end
end
local msum, mcount = 0, 0
for k, v in pairs(map) do
  msum = (msum + v) % 1000000007
  mcount = mcount + 1
end

print(string.format("%d %d %d %d %d %d", #arr, sum, sum2, hits, mcount, msum))
