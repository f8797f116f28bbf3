print(("hello"):find("(l)%1"))
print(('say "hi" and \'bye\''):match("([\"'])(.-)%1"))
print(("abab"):match("^(ab)%1$"))
print(("abac"):match("^(ab)%1$"))
