print(pcall(string.format, "%---------------------5d", 1))
print(pcall(string.format, "%0000000000000000000005d", 1))
print(pcall(string.format, "%1.1.1.1d", 1))
