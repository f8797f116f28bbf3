local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local all = table.concat(t)
for _, c in ipairs{"a", "c", "d", "g", "l", "p", "s", "u", "w", "x"} do
  local _, n = all:gsub("%" .. c, "")
  local _, m = all:gsub("%" .. c:upper(), "")
  print(c, n, m)
end
