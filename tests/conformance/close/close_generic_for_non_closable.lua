print(pcall(function()
  for i in function() end, nil, nil, {} do end
end))
