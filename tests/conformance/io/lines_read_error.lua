print(pcall(function()
  for l in io.lines(".") do end
end))
