for i = 1, 3 do
  local j = i * 10
  io.write(j, " ")
end
print()
