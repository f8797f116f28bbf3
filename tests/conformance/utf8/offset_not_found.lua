print(utf8.offset("abc", 5), utf8.offset("abc", 4), utf8.offset("abc", -4), utf8.offset("abc", -3))
print(utf8.offset("", 1), utf8.offset("", -1), utf8.offset("", 2))
print(utf8.offset("abc", math.maxinteger), utf8.offset("abc", math.mininteger))
