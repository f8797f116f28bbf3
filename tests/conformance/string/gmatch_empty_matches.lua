local t = {}
for m in ("abc"):gmatch("x*") do t[#t + 1] = "[" .. m .. "]" end
print(#t, table.concat(t))
t = {}
for m in ("abc"):gmatch("") do t[#t + 1] = "[" .. m .. "]" end
print(#t, table.concat(t))
