local function utc(y, m, d, h)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local yoe = y - era * 400
  local doy = (153 * ((m + 9) % 12) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return (era * 146097 + doe - 719468) * 86400 + (h or 0) * 3600
end
for m = 1, 12 do
  print(os.date("!%b %B %a %A", utc(2023, m, 1, 12)))
end
