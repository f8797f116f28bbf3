print(pcall(function() local a, b = "x", "y"; return a + b end))
