do
  local i = 0
  ::top::
  i = i + 1
  if i < 3 then
    do goto top end
  end
  print(i)
end
