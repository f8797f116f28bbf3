print(("a-z%"):gsub("[%a-z]", "!"))
print(("a-b"):gsub("[a%-b]", "!"))
