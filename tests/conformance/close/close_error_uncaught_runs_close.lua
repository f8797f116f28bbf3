local x <close> = setmetatable({}, {__close = function() print("closing on uncaught error") end})
error("uncaught")
