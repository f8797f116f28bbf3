local t = {1, 2, 3}
for i, v in ipairs(t) do
  if i == 2 then t[4] = 4 end
  io.write(v, " ")
end
print()
