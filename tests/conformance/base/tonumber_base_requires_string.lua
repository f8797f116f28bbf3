print(pcall(tonumber, 10, 16))
print(pcall(tonumber, nil, 10))
