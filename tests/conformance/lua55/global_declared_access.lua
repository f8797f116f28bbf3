-- lua5.5: 'global' declarations do not exist in Lua 5.4 (there 'global' is an ordinary name and this is a syntax error).
global print
global x = 10
print(x)
