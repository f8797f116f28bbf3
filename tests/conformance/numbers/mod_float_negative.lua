print(-7.5 % 2)
print(5.3 % -2)
print(5.5 % 2, -5.5 % -2)
