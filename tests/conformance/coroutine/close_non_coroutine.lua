print(pcall(coroutine.close, 1))
print(pcall(coroutine.close))
print(pcall(coroutine.close, {}))
