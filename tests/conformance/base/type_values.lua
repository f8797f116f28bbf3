print(type(nil), type(true), type(1), type(1.5), type("s"))
print(type({}), type(print), type(function() end), type(coroutine.create(function() end)))
print(type(io.stdout))
