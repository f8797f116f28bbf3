print(1, 1.0, "1", nil, true, false)
print(-0.0, 1e308 * 10)
