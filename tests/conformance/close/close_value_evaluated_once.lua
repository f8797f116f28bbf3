local calls = 0
local function mk() calls = calls + 1; return setmetatable({}, {__close = function() print("closed") end}) end
do
  local x <close> = mk()
end
print(calls)
