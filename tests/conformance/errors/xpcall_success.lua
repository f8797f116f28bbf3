print(xpcall(function(...) return ... end, print, 1, 2, 3))
