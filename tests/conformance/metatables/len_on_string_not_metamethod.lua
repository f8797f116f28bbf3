local mt = getmetatable("")
print(mt.__len)
print(#"abc")
