local log = {}
local function f()
  local x <close> = setmetatable({}, {__close = function() log[#log + 1] = "closed" end})
  log[#log + 1] = "returning"
  return #log
end
print(f(), table.concat(log, ","))
