print(pcall(tonumber))
print(tonumber(nil))
