local f, err = loadfile("does_not_exist.lua")
print(f, err)
