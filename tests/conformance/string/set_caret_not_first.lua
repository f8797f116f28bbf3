print(("a^b"):gsub("[b^]", "!"))
print(("a^b"):gsub("[%^]", "!"))
