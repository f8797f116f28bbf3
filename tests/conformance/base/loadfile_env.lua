local env = {value = "from env"}
local f = loadfile("loadfile_env.data", "t", env)
print(f())
