print(pcall(string.format, "%+s", "a"))
print(pcall(string.format, "%#s", "a"))
print(pcall(string.format, "%100s", "a"))
print(pcall(string.format, "%.100s", "a"))
