for _, m in ipairs{"", "x", "rw", "r+w", "rb+", "+r", "wbx", "R", "r ", " r", "rt"} do
  print("[" .. m .. "]", select(2, pcall(io.open, "open_invalid_modes.lua", m)))
end
