local f = io.open("read_number_types.data")
for i = 1, 5 do
  local n = f:read("n")
  print(n, n == n // 1, tostring(n) == tostring(n | 0))
end
f:close()
