-- lua5.5: 'global function' is itself a global declaration, so later free names become errors.
global function f() return 1 end
print(f())
