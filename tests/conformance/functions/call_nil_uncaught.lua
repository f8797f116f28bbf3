local x = 1
nofunc(x)
