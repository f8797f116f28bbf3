local log = {}
local store = {1, 2, 3, 4, 5}
local p = setmetatable({}, {
  __index = function(_, k) return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = k; store[k] = v end,
})
table.move(p, 1, 3, 2)
print(table.concat(log, " "), table.concat(store, ","))
log = {}
table.move(p, 2, 4, 1)
print(table.concat(log, " "), table.concat(store, ","))
