local c = 0
for x = 0, 1, 0.1 do c = c + 1 end
print(c)
