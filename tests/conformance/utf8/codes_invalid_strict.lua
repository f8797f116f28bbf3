print(pcall(function()
  for p, c in utf8.codes("ab\xff") do io.write(p, ":", c, " ") end
end))
