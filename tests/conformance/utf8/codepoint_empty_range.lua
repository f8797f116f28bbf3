print(select("#", utf8.codepoint("abc", 3, 2)))
print(select("#", utf8.codepoint("", 1, 0)))
print(select("#", utf8.codepoint("abc", 4, 3)))
