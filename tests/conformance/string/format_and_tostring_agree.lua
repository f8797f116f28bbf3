for _, x in ipairs{1.5, 0.1, 1e100, -2.25, 123456.789} do
  print(string.format("%.14g", x), tostring(x))
end
