local s = string.rep("AbC", 100000)
local l, u = s:lower(), s:upper()
print(#l, l:sub(1, 6), u:sub(1, 6), l == string.rep("abc", 100000))
