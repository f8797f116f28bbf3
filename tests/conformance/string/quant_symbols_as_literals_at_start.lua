print(pcall(string.find, "a*b", "*"))
print(pcall(string.find, "a+b", "+"))
print(pcall(string.find, "a-b", "-"))
print(pcall(string.find, "a?b", "?"))
