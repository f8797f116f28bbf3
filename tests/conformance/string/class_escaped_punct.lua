print(("a.b-c+d*e?f"):gsub("%.", "!"))
print(("a.b-c+d*e?f"):gsub("%-", "!"))
print(("100%"):gsub("%%", " percent"))
print(("(x)[y]"):gsub("[%(%)%[%]]", ""))
