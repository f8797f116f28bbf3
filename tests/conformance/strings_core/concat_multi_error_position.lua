local a, b, c = "a", nil, "c"
print(pcall(function() return a .. b .. c end))
