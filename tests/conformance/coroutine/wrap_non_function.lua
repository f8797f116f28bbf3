print(pcall(coroutine.wrap, 1))
print(pcall(coroutine.wrap))
print(pcall(coroutine.wrap, "f"))
