do
  goto done
  local x = 1
  print(x)
  ::done::
end
print("ok")
