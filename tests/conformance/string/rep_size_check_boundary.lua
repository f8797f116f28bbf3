-- string.rep's size check (len + #sep > INT_MAX / n in integer division) at its boundary,
-- for integer and float counts, with and without a separator.
local cases = {
  { "x", 2^31 }, { "xy", 2^30 }, { "x", 2^30, "y" }, { "x", math.maxinteger },
  { "abc", 2^40 }, { "abc", 715827883 }, { "ab", 1073741824, "" },
  { "a", 3, "bc" }, { "", 5, "" }, { "z", 0 }, { "z", -3, "sep" },
}
for _, c in ipairs(cases) do
  local ok, r = pcall(string.rep, c[1], c[2], c[3])
  if ok and #r > 100 then r = #r .. " bytes" end
  print(ok, r)
end
