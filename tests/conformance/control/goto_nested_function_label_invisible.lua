print(load([[
::outer::
local function f()
  goto outer
end
]], "=c"))
