local function gen() coroutine.yield("x") end
print(pcall(gen))
