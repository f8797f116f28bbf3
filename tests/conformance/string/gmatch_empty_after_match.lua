local t = {}
for m in ("a1b22c"):gmatch("%d*") do t[#t + 1] = "<" .. m .. ">" end
print(table.concat(t))
