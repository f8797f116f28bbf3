-- integers of every digit length and at the table boundaries, through %d, %i with width and
-- flags, %q, %5.2f / %e / %g of integral floats (the digit tables behind them)
local vals = {0, 7, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10000, 65536, 99999, 100000,
  999999, 1000000, 1000001, 1048576, 9999999, 10000000, 99999999, 100000000, 999999999,
  1000000000, 1000000001, 1073741823, 1073741824, 2147483647, 2147483648, 4294967296,
  99999999999, 100000000000, 123456789012345, 999999999999999, 1000000000000000,
  9007199254740991, 9007199254740992, 9223372036854775807, math.mininteger}
for _, v in ipairs(vals) do
  for _, x in ipairs({v, -v}) do
    print(string.format("%d|%i|%12d|%-12d|%+d|% d|%012d|%.9d|%q", x, x, x, x, x, x, x, x, x))
  end
end
for _, v in ipairs({1000, 123456, 1000000, 7654321, 1e9, 123456789012, 1e15, 4503599627370495.5}) do
  print(string.format("%.2f|%.0f|%10.3f|%.6e|%g|%.15g|%.3f", v, -v, v / 1000, v, v, v, v / 7))
end
