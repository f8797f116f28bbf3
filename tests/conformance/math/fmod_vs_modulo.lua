for _, p in ipairs({{7, 3}, {-7, 3}, {7, -3}, {-7, -3}}) do
  local a, b = p[1], p[2]
  print(a, b, math.fmod(a, b), a % b)
end
for _, p in ipairs({{5.5, 2}, {-5.5, 2}}) do
  print(p[1], p[2], math.fmod(p[1], p[2]), p[1] % p[2])
end
