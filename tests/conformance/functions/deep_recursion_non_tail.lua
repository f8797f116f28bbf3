local function d(n) if n == 0 then return 0 end return 1 + d(n - 1) end
print(d(150000))
