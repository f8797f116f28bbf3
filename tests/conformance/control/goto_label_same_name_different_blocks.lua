for i = 1, 2 do
  do goto skip end
  print("never")
  ::skip::
end
for j = 1, 2 do
  goto skip
  print("never")
  ::skip::
end
print("ok")
