-- error(msg, level) inside pcall: the level may be a Lua function, pcall itself (a builtin:
-- no position) or beyond the stack, at any depth, asked again and again at the same sites
local function f(lvl) error("at level " .. lvl, lvl) end
local function g(lvl) f(lvl) end
for _, lvl in ipairs({ 1, 2, 3, 4, 5, 50 }) do
  print(pcall(f, lvl))
  print(pcall(g, lvl))
end
local function deep(n, lvl)
  if n == 0 then error("deep " .. lvl, lvl) end
  deep(n - 1, lvl)
end
for _, lvl in ipairs({ 2, 9, 11, 12, 13, 14 }) do print(pcall(deep, 10, lvl)) end
local same = 0
for _ = 1, 50 do
  local _, e1 = pcall(f, 2)
  local _, e2 = pcall(g, 2)
  if e1 == "at level 2" and e2 == "error_levels_inside_pcall.lua:4: at level 2" then same = same + 1 end
end
print(same)
print(xpcall(g, function(m) return "handled " .. m end, 2))
print(pcall(pcall, f, 2))
print(pcall(function() local ok, e = pcall(g, 3) error(e, 0) end))
