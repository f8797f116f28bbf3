local M = {}
function M.fact(n) if n <= 1 then return 1 end return n * M.fact(n - 1) end
print(M.fact(20))
