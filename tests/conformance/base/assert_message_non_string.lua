local ok, e = pcall(assert, false, 42)
print(ok, e, math.type(e))
