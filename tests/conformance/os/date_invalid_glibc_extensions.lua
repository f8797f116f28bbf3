for _, c in ipairs{"k", "l", "P", "s", "+", "E", "O", "Oz", "EZ", "Ea", "#", "-d", "5d"} do
  print(c, select(2, pcall(os.date, "!%" .. c, 0)))
end
