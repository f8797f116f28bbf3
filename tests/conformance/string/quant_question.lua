print(("ab"):match("a?b"), ("b"):match("a?b"), ("aab"):match("^a?b"))
print(("abc"):match("a?b?c?d?"))
