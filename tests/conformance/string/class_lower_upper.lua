local s = "Hello World ABC def"
print((s:gsub("%l", "_")), (s:gsub("%u", "_")))
print((s:gsub("%L", "_")), (s:gsub("%U", "_")))
