print(load("\27Lua", "=bin", "t"))
