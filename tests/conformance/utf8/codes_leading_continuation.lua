local f, s, i = utf8.codes("\x80abc")
print(type(f), s == "\x80abc", i)
print(pcall(function() for p, c in utf8.codes("\x80abc") do io.write(p, " ") end end))
