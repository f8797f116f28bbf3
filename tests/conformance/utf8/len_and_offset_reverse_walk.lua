local s = "\u{3B1}\u{3B2}\u{3B3}x"
local out = {}
local n = utf8.len(s)
for i = n, 1, -1 do
  out[#out + 1] = utf8.codepoint(s, utf8.offset(s, i))
end
print(table.concat(out, " "))
