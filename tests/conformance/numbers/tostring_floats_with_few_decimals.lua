-- tostring of floats with up to four decimals (and of some that are close to them):
-- %.14g as Lua prints them, across magnitudes, signs and rounding edges
local seed = 11
local function rnd() seed = (seed * 16807) % 2147483647; return seed end
local line = {}
for i = 1, 400 do
  local scale = ({ 1, 10, 100, 1000, 10000, 7 })[rnd() % 6 + 1]
  local x = (rnd() % 100000) / scale * 10 ^ (rnd() % 17 - 4)
  if rnd() % 2 == 0 then x = -x end
  if rnd() % 3 == 0 then x = x + (rnd() % 1000) * 1e-7 end
  line[#line + 1] = tostring(x + 0.0)
  if #line == 8 then print(table.concat(line, " ")) line = {} end
end
print(0.1 + 0.2, 1 / 3, 2.675, 0.0001, 0.00015, 99999999999999.5, 1234567890123.4)
print(1.0000000000000002, 2.9999999999999996, 12.5 - 0.25, -0.0625, 1e14 - 0.5, 5e-5)
