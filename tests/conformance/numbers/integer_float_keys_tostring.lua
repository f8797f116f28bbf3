print(tostring(3), tostring(3.0), tostring(-3.0))
print(tostring(1e15), tostring(1e14 + 0.5))
