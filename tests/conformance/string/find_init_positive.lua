local s = "abcabcabc"
print(s:find("abc", 1), s:find("abc", 2), s:find("abc", 7), s:find("abc", 8))
