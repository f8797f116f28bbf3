-- lua5.5: 'global function' declares the name as a global and assigns the function.
global print, type
global function greet(name) return "hi " .. name end
print(greet("bob"), type(_ENV.greet))
