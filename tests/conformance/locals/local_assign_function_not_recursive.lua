local f = function(n) if n == 0 then return "base" end return f(n - 1) end
print(pcall(f, 1))
