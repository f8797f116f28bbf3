print(pcall(coroutine.yield))
print(pcall(coroutine.yield, 1, 2))
