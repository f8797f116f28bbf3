print(1 .. "" .. 2 == "12")
print(10 .. "")
print(type(10 .. ""))
