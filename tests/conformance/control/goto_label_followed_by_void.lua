do
  goto finish
  local x = 1
  ::finish::
  ;;
end
print("void statements after label ok")
