-- numeric_loop: nested numeric `for` loops mixing integer and float math.
-- Stresses: loop control, integer multiply/add/modulo, float divide/add,
-- int->float conversion, comparisons. No calls, no allocation.
local OUTER = tonumber(arg and arg[1]) or 45000
local INNER = 1000

local isum = 0          -- kept below 2^31 by the modulo, so it is exact in
local fsum = 0.0        -- both integer (5.4) and double (LuaJIT) arithmetic
local odd = 0
for i = 1, OUTER do
  local fi = i + 0.5
  for j = 1, INNER do
    isum = (isum * 31 + i * j + 7) % 1000003
    fsum = fsum + fi / (j + 1.25)
    if (i + j) % 3 == 0 then
      odd = odd + 1
    end
  end
  -- a float loop with a fractional step
  for x = 0.0, 1.0, 0.125 do
    fsum = fsum - x * 0.5
  end
end

print(string.format("%d %d %.6f", isum, odd, fsum))
