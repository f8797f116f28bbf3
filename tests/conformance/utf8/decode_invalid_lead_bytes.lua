for _, s in ipairs({"\x80", "\xBF", "\xC0\xAF", "\xFE\x80\x80\x80\x80\x80\x80", "\xFF\x80"}) do
  local n, pos = utf8.len(s, 1, -1, true)
  io.write(tostring(n), ",", tostring(pos), " ")
end
print()
