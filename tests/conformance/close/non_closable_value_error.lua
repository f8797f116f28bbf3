print(pcall(function()
  local x <close> = {}
end))
