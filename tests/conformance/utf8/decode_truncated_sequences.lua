for _, s in ipairs({"\xC3", "\xE2\x82", "\xF0\x9F\x98", "\xF8\x88\x80\x80", "\xFE", "\xFF"}) do
  io.write(tostring(utf8.len(s, 1, -1, true)), " ")
end
print()
