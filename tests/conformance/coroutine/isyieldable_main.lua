print(coroutine.isyieldable())
