local t = {}
print(pcall(function() return t["key with space"].x end))
