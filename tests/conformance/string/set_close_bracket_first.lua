print(("a]b]c"):gsub("[]]", "!"))
print(("a]b]c"):gsub("[^]]", "."))
print(("a]b-c"):gsub("[]-]", "!"))
