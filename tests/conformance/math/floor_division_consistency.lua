for _, x in ipairs({7.5, -7.5, 2^52 + 0.5, -0.25}) do
  print(x, math.floor(x), x // 1, math.ceil(x), -((-x) // 1))
end
