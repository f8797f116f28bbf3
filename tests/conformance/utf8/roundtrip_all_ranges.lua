local ok = true
for _, c in ipairs({0, 1, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF}) do
  local s = utf8.char(c)
  if utf8.codepoint(s) ~= c or utf8.len(s) ~= 1 then ok = false; print("bad", c) end
end
print(ok)
