local store = {5, 3, 1, 4, 2}
local log = 0
local p = setmetatable({}, {
  __len = function() return #store end,
  __index = function(_, k) return store[k] end,
  __newindex = function(_, k, v) log = log + 1; store[k] = v end,
})
table.sort(p)
print(table.concat(store, " "), log)
