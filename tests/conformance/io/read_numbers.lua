local f = io.open("read_numbers.data")
while true do
  local n = f:read("n")
  if n == nil then break end
  print(n, math and "" or "")
end
print(f:read("a") == "\n")
f:close()
