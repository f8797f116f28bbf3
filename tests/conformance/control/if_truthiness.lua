local vals = {0, "", false, nil, {}, "false"}
for i = 1, 6 do io.write(tostring(vals[i] and true or false), " ") end
print()
