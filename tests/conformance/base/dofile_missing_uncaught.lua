dofile("missing_file.lua")
