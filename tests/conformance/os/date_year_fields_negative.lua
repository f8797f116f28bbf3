local function utc(y, m, d, h)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local yoe = y - era * 400
  local doy = (153 * ((m + 9) % 12) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return (era * 146097 + doe - 719468) * 86400 + (h or 0) * 3600
end
for _, y in ipairs{-2001, -1000, -101, -100, -99, -1, 0, 1, 5, 99, 100, 999, 1000, 1969, 9999, 10000, 123456} do
  print(y, os.date("!%Y|%C|%y|%G|%g|%F|%D", utc(y, 1, 1, 12)))
end
