print(pcall(require))
print(pcall(require, {}))
print(pcall(package.searchpath))
print(pcall(package.searchpath, "x"))
