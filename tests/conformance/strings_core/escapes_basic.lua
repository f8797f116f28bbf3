print("a\tb")
print("line1\nline2")
print("back\\slash", "quote\"s", 'single\'s')
print("bell\a|bs\b|ff\f|vt\v|cr\r|end")
