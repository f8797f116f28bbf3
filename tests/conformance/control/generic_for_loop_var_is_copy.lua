local t = {10, 20, 30}
for i, v in ipairs(t) do
  v = v + 1
  io.write(v, " ")
end
print()
print(t[1], t[2], t[3])
