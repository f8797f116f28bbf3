local a, b
function a(n) if n == 0 then return "a done" end return b(n - 1) end
function b(n) if n == 0 then return "b done" end return a(n - 1) end
print(a(1000001))
