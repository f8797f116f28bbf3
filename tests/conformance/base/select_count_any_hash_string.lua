-- select counts its extra arguments for any string that starts with '#', as C Lua reads only
-- the first character
print(select("#", 1, 2, 3))
print(select("#end", true))
print(select("##", nil, nil))
print(select("#x"))
print(pcall(select, "x#", 1))
print(pcall(select, "", 1))
print(select("2", "a", "b", "c"))
