print(pcall(function(a, b) return a + b, "extra" end, 1, 2))
print(pcall(print, "printed via pcall"))
