print(_G._G == _G, _G.print == print, type(_G))
x_global = 1
print(_G.x_global)
_G.y_global = 2
print(y_global)
