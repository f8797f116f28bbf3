local s = "hello"
print(s:sub(math.mininteger, math.maxinteger))
print("[" .. s:sub(math.maxinteger) .. "]")
print(s:sub(2, math.maxinteger), "[" .. s:sub(1, math.mininteger) .. "]")
