print(pcall(function() return utf8.char(-5) end))
print(pcall(function() local u = utf8.len; return u("x", 9) end))
print(pcall(function() return utf8.offset("\u{E9}", 1, 2) end))
print(pcall(function() return utf8.codepoint("\xff") end))
