do
  goto finish
  local x = 1
  ::finish::
end
print("label at block end ok")
