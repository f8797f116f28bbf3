-- lua5.5: in the scope of a 'global' declaration, free names must be declared (compile error "variable 'y' not declared").
global print
print("never runs: whole chunk fails to compile")
y = 1
