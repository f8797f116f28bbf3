local i = "outer"
for i = 1, 2 do end
print(i)
