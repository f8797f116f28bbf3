local function helper(x)
  return x + nil
end
local f = coroutine.wrap(function()
  helper(1)
end)
print(pcall(f))
