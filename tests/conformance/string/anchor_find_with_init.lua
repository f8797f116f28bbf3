print(("abcabc"):find("^abc", 4))
print(("abcabc"):find("^abc", 2))
print(("abcabc"):match("^(.)", -2))
