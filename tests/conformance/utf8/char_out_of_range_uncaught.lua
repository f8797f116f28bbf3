local code = 2^31
print(utf8.char(code))
