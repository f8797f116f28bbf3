print("hello \z
       world")
print("a\z   b")
