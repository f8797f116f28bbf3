local s = string.rep("a", 5000000)
print(s:find("^.-$") , #s:match("^(a*)$"))
print(#(s:gsub("a", "b", 10)))
