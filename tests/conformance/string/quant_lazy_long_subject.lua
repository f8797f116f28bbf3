local s = string.rep("x", 200000) .. "END"
print(s:find("x-END"))
print(#s:match("^(.-)END"))
