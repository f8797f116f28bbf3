-- lua5.5: 'global<const> *' makes every free name a read-only global; assignment is a compile error.
global<const> *
print(type(print))
x = 1
