local src = {}
for i = 1, 201 do src[#src + 1] = "local v" .. i .. " = " .. i end
print(load(table.concat(src, "\n"), "=many"))
