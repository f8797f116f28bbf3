local i = 0
while true do i = i + 1; if i == 5 then break end end
repeat i = i + 1; if i == 8 then break end until false
print(i)
