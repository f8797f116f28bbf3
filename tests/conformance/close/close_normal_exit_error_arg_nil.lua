do
  local x <close> = setmetatable({}, {__close = function(o, e) print("error arg:", e, select('#', o, e)) end})
end
