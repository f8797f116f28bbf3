print(string.format("100%%"))
print(string.format("%%d %d %%", 5))
print(string.format("%5.1f%%", 99.5))
