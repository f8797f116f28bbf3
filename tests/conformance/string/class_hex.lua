local s = "0123456789abcdefABCDEFghGH"
print((s:gsub("%x", "")), (s:gsub("%X", "")))
