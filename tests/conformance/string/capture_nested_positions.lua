print(("abcde"):match("(a(b)(c(d))e)"))
print(("abcde"):match("()(b()c)()"))
