local s = string.rep("a", 1000000)
print(#s:match(".*"), #s:match("a+"), #s:match("a-$"))
print(s:find(".-$"))
print(#(s .. "b"):match("a*b"))
