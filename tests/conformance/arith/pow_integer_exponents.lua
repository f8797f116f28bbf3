-- x ^ n for integral n, printed with all 17 digits: C's pow, which the runtime must match
-- bit for bit (10^-4 is 1e-4, 10^22 is 1e22)
local function row(b, from, to, step)
  local t = {}
  for k = from, to, step or 1 do t[#t + 1] = string.format("%.17g", b ^ k) end
  print(b, table.concat(t, " "))
end
row(10, -22, 22)
row(2, -60, 60, 7)
row(5, -20, 20)
row(3, -20, 33, 3)
row(7, -15, 15)
row(1.5, -30, 30, 5)
row(0.1, 1, 20)
row(0.3, -12, 12)
row(-2.5, -9, 9)
row(1.0000001, 1000, 1000)
for k = -4, 4 do io.write(tostring(10 ^ k), " ") end
print()
print(10 ^ -4 == 1e-4, 10 ^ -5 == 1e-5, 10 ^ 17 == 1e17, 10 ^ 22 == 1e22, 2 ^ 0.5, 4 ^ 0.5, (-8) ^ 2)
