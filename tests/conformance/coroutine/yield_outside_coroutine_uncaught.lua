print("before")
coroutine.yield(1)
print("after")
