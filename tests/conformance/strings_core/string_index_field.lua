local s = "abc"
print(type(s.len), s.nonexistent)
print(("x").upper == string.upper)
