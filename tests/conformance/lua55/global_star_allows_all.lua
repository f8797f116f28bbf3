-- lua5.5: 'global *' re-enables implicit globals after a named global declaration.
global x
global *
y = 5
print(x, y)
