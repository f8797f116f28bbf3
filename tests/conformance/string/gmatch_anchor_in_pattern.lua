local t = {}
for m in ("^x^y"):gmatch("%^(.)") do t[#t + 1] = m end
print(table.concat(t, ","))
