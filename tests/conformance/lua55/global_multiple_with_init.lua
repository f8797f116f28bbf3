-- lua5.5: 'global' declarations with initialisers are new in Lua 5.5.
global print
global a, b = 1, 2
print(a, b, _ENV.a)
