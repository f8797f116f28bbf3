local function utc(y, m, d, h)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local yoe = y - era * 400
  local doy = (153 * ((m + 9) % 12) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return (era * 146097 + doe - 719468) * 86400 + (h or 0) * 3600
end
for _, y in ipairs{2004, 2005, 2008, 2009, 2010, 2015, 2016, 2020, 2021, 2024, 2026, 2027} do
  for _, md in ipairs{{12, 28}, {12, 31}, {1, 1}, {1, 4}} do
    local yy = md[1] == 12 and y - 1 or y
    print(os.date("!%Y-%m-%d %a %V %G %g %U %W %u %w %j", utc(yy, md[1], md[2], 12)))
  end
end
