print(string.byte("abc", math.mininteger, math.maxinteger))
print(select("#", string.byte("abc", math.maxinteger)))
