print(pcall(function()
  for i = 1, 2 do local x = i .. nil end
end))
