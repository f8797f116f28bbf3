local f = load("local a = 1\r\nlocal b = 2\rlocal c = 3\n\rreturn a + b + c, debug and 'x'")
print(f())
print(select(2, load("x = 1\r\n\r\ny = = 2")))
