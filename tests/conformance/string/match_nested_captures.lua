print(string.match("abcd", "((a)(b)((c)(d)))"))
print(string.match("x=1, y=2", "((%a)=(%d))"))
