for _, t in ipairs{0, 1000000000, 1234567890, 1700000000, 2000000000, -1000000} do
  local ok, v = pcall(os.time, os.date("*t", t))
  print(t, ok and v == t)
end
