local f = io.open("read_L_keeps_newline.data")
while true do
  local l = f:read("L")
  if l == nil then break end
  io.write("[", l, "]")
end
print()
f:close()
