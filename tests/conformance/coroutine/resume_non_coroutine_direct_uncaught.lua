print("before")
coroutine.resume(123)
