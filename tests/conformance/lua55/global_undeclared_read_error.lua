-- lua5.5: reading an undeclared free name inside the scope of a 'global' declaration is a compile error too.
global x
x = 1
print(x)
