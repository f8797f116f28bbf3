local s = "\192\224\255¿…"
print(string.lower(s) == s, string.upper(s) == s)
print(string.byte(string.upper("a\200b"), 1, -1))
print(string.byte(string.lower("A\200B"), 1, -1))
