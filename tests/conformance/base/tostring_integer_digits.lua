-- integers as text (tostring, print and ..) at every digit-table boundary, both signs
local vals = { 0, -0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10000, 99999, 100000,
  999999, 1000000, 1000001, 123456789, 999999999, 1000000000, 2^31 | 0, 2^53 | 0,
  9007199254740991, math.maxinteger, math.mininteger }
for _, v in ipairs(vals) do
  print(tostring(v), tostring(-v), v .. "|" .. -v, #tostring(v))
end
print(1e15 // 1 | 0, -(10^15 // 1 | 0), 7 // 2, -7 // 2, 3 % -2)
