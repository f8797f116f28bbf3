local s = string.rep("a", 100000) .. "b"
print(s:find("b"), s:find("ab"), s:find("a+b"))
print(s:find("^a-b"))
