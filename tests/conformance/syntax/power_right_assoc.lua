print(2^3^2, (2^3)^2)
print(-2^-2)
