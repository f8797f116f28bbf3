local x = 10
do
  local x = x + 1
  print(x)
end
