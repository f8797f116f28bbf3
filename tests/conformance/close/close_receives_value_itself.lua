local obj
obj = setmetatable({}, {__close = function(o) print(o == obj) end})
do
  local x <close> = obj
end
