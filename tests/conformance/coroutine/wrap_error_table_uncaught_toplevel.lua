local f = coroutine.wrap(function()
  error(setmetatable({}, {__tostring = function() return "custom error object" end}))
end)
f()
