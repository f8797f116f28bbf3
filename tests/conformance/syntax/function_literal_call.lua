print((function(a, b) return a + b end)(1, 2))
