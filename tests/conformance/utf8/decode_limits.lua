-- every sequence length at its smallest and largest value (lax)
local cps = {0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x1FFFFF, 0x200000, 0x3FFFFFF, 0x4000000, 0x7FFFFFFF}
for _, c in ipairs(cps) do
  local s = utf8.char(c)
  io.write(#s, ":", tostring(utf8.codepoint(s, 1, 1, true) == c), " ")
end
print()
print(utf8.len(utf8.char(table.unpack(cps)), 1, -1, true))
print(utf8.len(utf8.char(table.unpack(cps))))
