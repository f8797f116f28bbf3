local long = "x = 1 -- " .. string.rep("y", 100) .. "\nerror('e')"
print(pcall(load(long)))
print(pcall(load("error('e')", "=" .. string.rep("n", 100))))
print(pcall(load("error('e')", "@" .. string.rep("d", 100) .. ".lua")))
