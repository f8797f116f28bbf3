local z = 0
local nan = z / z
io.write(nan, " ", -nan, "\n")
print(nan, -nan)
