-- table.concat over short arrays and arrays long enough to take the byte-buffer path
-- (64 values or more): integers of every
-- size, floats (integral and not, inf, nan, -0.0), byte strings, long strings, separators
-- of several lengths, sub-ranges, and an invalid value after many valid ones.
local vals = {
  0, 1, -1, 9, 10, -10, 99, 100, 12345, -987654321, 2^53 // 1, -(2^53 // 1),
  math.maxinteger, math.mininteger, 2^53 + 1 | 0, 1e15 // 1, 999999999999999,
  0.5, -0.25, 1.0, -0.0, 2^53, 1e100, -1e-300, 1/3, 100 / 3, 1e15, 1e16, 123456789012345.0,
  math.huge, -math.huge, 3.14159265358979,
  "", "a", "\0\1\2\255\128", string.rep("xyz", 40), "\t\n",
}
local many = {}
for r = 1, 3 do
  for i = 1, #vals do many[#many + 1] = vals[i] end
end
for _, sep in ipairs({ "", ",", " | ", "\0", string.rep("-", 70) }) do
  local s = table.concat(vals, sep)
  print(#s, (s:gsub("[^%w%p ]", function(c) return "<" .. c:byte() .. ">" end)))
  local m = table.concat(many, sep)
  print(#m, m == s .. sep .. s .. sep .. s)
end
print(table.concat(many, ";", 3, 80))
print(table.concat(many, ";", 20, 100))
print(table.concat(vals, ";", 3, 20))
print(table.concat(vals, ";", 20, 32))
print(table.concat(vals, ";", 12, 12))
print(table.concat(vals, ";", 13, 12) == "")
local t = {}
for i = 1, 1000 do t[i] = i * 7 end
print(#table.concat(t), #table.concat(t, ", "), table.concat(t, "+", 990))
t[500] = {}
print(pcall(table.concat, t, ","))
t[500] = true
print(pcall(table.concat, t, "", 400, 600))
t[500] = nil
print(pcall(table.concat, t, "", 1, 1000))
-- a large result, made twice (the second reuses the buffer)
local big = {}
for i = 1, 100000 do big[i] = i % 3 == 0 and i or tostring(i) .. "." end
for _ = 1, 2 do
  local s = table.concat(big, "\n")
  print(#s, s:sub(1, 30), s:sub(-30))
end
