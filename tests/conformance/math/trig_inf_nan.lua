print(math.sin(math.huge), math.cos(-math.huge), math.tan(math.huge))
print(math.sin(0/0) ~= math.sin(0/0))
