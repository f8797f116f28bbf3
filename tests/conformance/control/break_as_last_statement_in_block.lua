for i = 1, 3 do
  io.write(i, " ")
  do break end
end
print()
