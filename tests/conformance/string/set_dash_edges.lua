print(("a-b-c"):gsub("[a-]", "!"))
print(("a-b-c"):gsub("[-a]", "!"))
print(("a-b-c"):gsub("[%-]", "!"))
