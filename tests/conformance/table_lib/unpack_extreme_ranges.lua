print(table.unpack({}, math.maxinteger, math.maxinteger))
print(table.unpack({}, math.maxinteger - 1, math.maxinteger))
print(table.unpack({}, math.mininteger, math.mininteger + 1))
print(select("#", table.unpack({}, math.maxinteger, math.mininteger)))
