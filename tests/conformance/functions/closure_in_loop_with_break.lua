local f
for i = 1, 10 do
  if i == 4 then f = function() return i end; break end
end
print(f())
