local src = {"x", "y", "z"}
local proxy = setmetatable({}, {
  __index = function(_, k) return src[k] and src[k] .. "!" end,
  __len = function() return #src end,
})
print(table.concat(proxy, "|"))
local t = setmetatable({}, {__index = function(_, i) return "v" .. i end})
print(table.concat(t, ",", 1, 4))
local l = setmetatable({"a", "b", "c", "d"}, {__len = function() return 2 end})
print(table.concat(l, ","))
