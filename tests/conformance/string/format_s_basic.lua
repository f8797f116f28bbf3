print(string.format("%s %s %s %s", "str", 1, 2.5, nil))
print(string.format("%s %s", true, false))
print(string.format("[%10s] [%-10s] [%.2s] [%5.1s]", "abc", "abc", "abc", "abc"))
