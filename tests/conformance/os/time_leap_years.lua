for _, y in ipairs{1900, 2000, 2023, 2024, 2100} do
  local t = {year=y, month=2, day=29}
  os.time(t)
  print(y, t.month, t.day)
end
