local function two(n) if n < 10 then return "0" .. n end return tostring(n) end
local function three(n) if n < 10 then return "00" .. n elseif n < 100 then return "0" .. n end return tostring(n) end
for _, t in ipairs{0, 1234567890, 1700000000, -100000000} do
  local d = os.date("*t", t)
  local s = d.year .. " " .. two(d.month) .. " " .. two(d.day) .. " " .. two(d.hour) .. " " .. two(d.min) .. " " .. two(d.sec) .. " " .. three(d.yday) .. " " .. (d.wday - 1)
  print(os.date("%Y %m %d %H %M %S %j %w", t) == s)
end
