print(package.config == "/\n;\n?\n!\n-\n")
print(package.loaded.string == string, package.loaded._G == _G, package.loaded.table == table)
print(package.loaded.coroutine == coroutine, package.loaded.math == math, package.loaded.package == package)
print(type(package.searchers), #package.searchers >= 2, type(package.preload))
