print(string.lower("Hello World 123!"))
print(string.upper("Hello World 123!"))
print(("MiXeD"):lower(), ("MiXeD"):upper())
