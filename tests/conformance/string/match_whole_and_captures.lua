print(string.match("hello world", "%w+"))
print(string.match("hello world", "(%w+) (%w+)"))
print(string.match("2024-01-15", "(%d+)-(%d+)-(%d+)"))
print(string.match("hello", "xyz"))
