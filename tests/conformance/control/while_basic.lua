local i, s = 0, 0
while i < 5 do i = i + 1; s = s + i end
print(i, s)
