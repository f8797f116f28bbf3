print(pcall(function()
  local y <close> = 42
end))
