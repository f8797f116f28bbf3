print(0.1 + 0.2)
print(3.14159265358979)
print(1e300 * 1e10)
print(-1e300 * 1e10)
