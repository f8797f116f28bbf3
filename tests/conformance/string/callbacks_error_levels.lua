-- Errors raised at levels 1-3 from Lua code that string functions call (gsub replacement
-- functions and tables' __index, __tostring under format("%s")): level 2 is the string
-- function (no position), level 3 the Lua code that called it. Each runs past the point
-- where assay compiles a pattern.
local function lvl(n) return function() error("boom" .. n, n) end end
for _ = 1, 5 do
  for n = 1, 3 do print(pcall(function() return ("abc"):gsub("%w", lvl(n)) end)) end
  for n = 1, 3 do print(pcall(function() return ("a b"):gsub("(%w)", lvl(n), 1) end)) end
  local t = setmetatable({}, { __index = function(_, k) error("idx " .. k, 3) end })
  print(pcall(function() return ("abc"):gsub("%w+", t) end))
  for n = 2, 3 do
    local o = setmetatable({}, { __tostring = function() error("ts" .. n, n) end })
    print(pcall(function() return string.format("x%sy", o) end))
  end
  local bad = setmetatable({}, { __tostring = function() return {} end })
  print(pcall(function() return string.format("%d %s", 1, bad) end))
end
