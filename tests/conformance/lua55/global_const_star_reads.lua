-- lua5.5: 'global<const> *' still allows reading globals.
global<const> *
print(type(print), _VERSION ~= nil)
