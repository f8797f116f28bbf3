print(pcall(load("local a = 1\nerror('multi')")))
print(pcall(load("error('a very long chunk string that goes on and on and on and on and on')")))
