local t = setmetatable({}, {
  __index = function() return "meta" end,
  __newindex = function() error("blocked") end,
})
print(t.x, rawget(t, "x"))
rawset(t, "x", "raw")
print(t.x)
print(pcall(function() t.y = 1 end))
