print(pcall(table.concat, {}, "", math.maxinteger - 1, math.maxinteger))
print(pcall(table.concat, {}, "", math.mininteger, math.mininteger))
print(table.concat({}, "", math.maxinteger, math.mininteger))
