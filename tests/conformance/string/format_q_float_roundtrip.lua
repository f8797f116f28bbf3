for _, x in ipairs{0.1, 1/3, 1e-300, 123.456, 2^60, 5e-324} do
  local s = string.format("%q", x)
  print(s, load("return " .. s)() == x)
end
