local s = "abcabcabc"
print(s:find("abc", -3), s:find("abc", -4), s:find("c", -100))
