-- Rounding at exactly one half and within an ulp of it, where a scaled value alone cannot
-- decide (numfmt.ts settles products by their exact rounding error): dyadic fractions are
-- exact decimal ties (to even), their neighbours one ulp away round away from the tie.
local F = string.format
local ulp = 2^-52
for _, x in ipairs({ 0.125, 0.375, 0.625, 2.5, 3.5, 12.5, 1.0625, 1.5625, 0.0078125, 1e3 + 0.5,
    123456.5, 9007199254740.5, 2.675, 1.0005, 123.455, 99.995, 0.045, 1.45, 8.345, 1.00000000000005 }) do
  for _, y in ipairs({ x, x * (1 + ulp), x * (1 - ulp / 2), -x }) do
    print(F("%.0f %.1f %.2f %.3f %.12f|%.0e %.1e %.2e %.3e %.13e|%.1g %.2g %.3g %.4g %.15g|%s",
      y, y, y, y, y, y, y, y, y, y, y, y, y, y, y, tostring(y)))
  end
end
-- exact ties at every precision of a binary fraction with many digits
local x = 1 + 2^-20
for p = 0, 21 do io.write(F("%." .. p .. "f", x), " ", F("%." .. p .. "e", x), "\n") end
