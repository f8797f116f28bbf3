local r = {}
for i = 1, 10 do
  r[#r + 1] = i
  if #r == 3 then break end
end
print(#r)
