for _, d in ipairs{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 363, 364} do
  print(d, os.date("!%U %W %V", d * 86400 + 86400 * 365 * 2))
end
