-- s:byte(i) with one index at and beyond both ends, huge and non-integer indices,
-- numeric strings and integral floats (string.ts answers in-range integers directly)
local s = "hello"
for _, i in ipairs({ 1, 5, 6, 0, -1, -5, -6, 1 << 31, -(1 << 31), (1 << 31) - 1, 1 << 53, 2^31,
    math.maxinteger, math.mininteger, 2.0, -1.0, "3", "-2", " 4 " }) do
  print(i, math.type(i), select("#", s:byte(i)), s:byte(i))
end
print(pcall(s.byte, s, 2.5))
print(pcall(s.byte, s, "x"))
print(pcall(string.byte, nil, 1))
print(("\0\255"):byte(1), ("\0\255"):byte(-1), (""):byte(1), ("a"):byte(-1))
