local log = {}
local t = setmetatable({}, {__newindex = function(tbl, k, v)
  log[#log + 1] = k .. "=" .. tostring(v)
  rawset(tbl, k, v * 2)
end})
t.a = 1
t.a = 5
print(t.a, table.concat(log, ","))
