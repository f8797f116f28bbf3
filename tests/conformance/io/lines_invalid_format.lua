print(pcall(function()
  for l in io.lines("lines_invalid_format.data", "x") do end
end))
local f = io.open("lines_invalid_format.data")
print(pcall(function()
  for l in f:lines(1.5) do end
end))
print(pcall(function()
  for l in f:lines({}) do end
end))
f:close()
