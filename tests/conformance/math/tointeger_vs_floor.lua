for _, x in ipairs({1.0, 1.5, -2.0, 2^60, 2^64}) do
  print(x, math.tointeger(x), math.floor(x))
end
