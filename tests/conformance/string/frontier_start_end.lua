print(("abc"):find("%f[%a]"))
print(("abc"):find("%f[%z]"))
print(("abc"):find("%f[%A]"))
print(("abc"):find("%f[^%a]"))
