-- Boundaries of string.format's fast paths (strformat.ts, numfmt.ts): hex/octal digit
-- tables at byte and 32-bit limits, negatives in two's complement, padding by slices,
-- integer-digit float conversions where they hand over to the exact ones.
local F = string.format
for _, v in ipairs({ 0, 1, 7, 8, 15, 16, 63, 64, 255, 256, 4095, 4096, 65535, 65536,
    4294967295, 4294967296, 4294967297, 2^53 // 1, math.maxinteger, -1, -16, -255, -256,
    -4294967296, -4294967297, math.mininteger, 3.0, "20", "0x10" }) do
  print(F("%x|%X|%o|%#x|%#o|%u|%d|%i|%5d|%-5d|%05d|%+d|% d|%.3d|%.0d", v, v, v, v, v, v, v, v, v, v, v, v, v, v, v))
end
print(F("[%99d]", 1):len(), F("[%-99s]", "x"):len(), F("[%.99f]", 1):len())
print(F("[%10.3x] [%-#10o] [%#010x] [%#.5X] [%-+8d] [%+.0d] [% 08d]", 255, 8, 255, 255, 7, 0, -7))
for _, x in ipairs({ 0.0, -0.0, 0.5, 1.5, 2.5, 9.9995, 99.995, 999999.5, 9999995, 0.000123456,
    1e-5, 123456789.125, 1e14, 999999999999999, 1e15, 1e15 + 0.5, 2^53, 1e21, 1e22, 1e300,
    5e-324, 2.2250738585072014e-308, 1/3, 2/3, -1/7, math.pi, 1/0, -1/0 }) do
  print(F("%f|%.0f|%.3f|%.22f|%.23f|%e|%.14e|%.15e|%g|%.15g|%.16g|%.17g|%G|%#g|%10.4f|%-12.3e|%+08.2f",
    x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x))
  print(tostring(x), x .. "", F("%.14g|%a|%q", x, x, x))
end
print(F("%g %g %g %g %g", 100000, 1000000, 1e-4, 1e-5, 123456789))
print(F("%.3g %.3g %.3g %.1g %.0g", 9.9951, 999.5, 0.00099951, 0.95, 0.5))
print(F("%c%c%c%c|%5c|%-3c|", 65, 256 + 66, -190, 0x7fffffff, 67, 68))
print(F("[%s] [%10s] [%-10s] [%.2s] [%10.2s] [%.0s]", "abc", "abc", "abc", "abc", "abc", "abc"))
local long = string.rep("y", 120)
print(#F("%5s", long), #F("%-99s", "z"), #F("%.99s", long), F("%s|%s|%s", 1, 2.5, true))
print(F("%q|%q|%q|%q", 1, -7, math.mininteger, "a\nb\0c\"\\\2001"))
print(F("%5.1f%% %3d%% %%", 12.34, 7))
