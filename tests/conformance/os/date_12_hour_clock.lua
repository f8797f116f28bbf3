for _, h in ipairs{0, 1, 11, 12, 13, 23} do
  print(h, os.date("!%I %p %r", h * 3600 + 5 * 60 + 9))
end
