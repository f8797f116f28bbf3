print(pcall(dofile, "no_such_file.lua"))
