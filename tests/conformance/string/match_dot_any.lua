print(("a\nb"):match("a.b") == "a\nb")
print(("\0\1\255"):match("...") == "\0\1\255")
print(("ab"):match("..."))
