do
  local a <close> = nil
  local b <close> = false
  print("nil and false are fine")
end
print("ok")
