for i = 1, 3 do
  print("print", i)
  io.write("write ", i, "\n")
  io.stdout:write("method ", i, "\n")
end
