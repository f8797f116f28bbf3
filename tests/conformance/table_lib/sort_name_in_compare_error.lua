local A = setmetatable({}, {__name = "Alpha"})
print(pcall(table.sort, {A, 1}))
print(pcall(table.sort, {A, A}))
