local print = print
do
  local _ENV = {x = "from env"}
  print(x)
end
