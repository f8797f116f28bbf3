local log = {}
local store = {}
local p = setmetatable({}, {
  __len = function() return #store end,
  __index = function(_, k) log[#log + 1] = "get" .. k; return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set" .. k .. "=" .. tostring(v); store[k] = v end,
})
table.insert(p, "a")
table.insert(p, "b")
table.insert(p, 1, "c")
print(table.concat(log, " "))
print(table.concat(store, ","))
