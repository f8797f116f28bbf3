print(pcall(load("error('x')")))
print(pcall(load("error('x')", "=mychunk")))
print(pcall(load("error('x')", "@file.lua")))
print(pcall(load("error('x')", "plain")))
