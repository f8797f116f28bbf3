print(("a1 b2_c3"):gsub("[%d_]", "."))
print(("a1 b2_c3"):gsub("[^%a%s]", "."))
print(("x.y%z"):gsub("[%.%%]", "!"))
