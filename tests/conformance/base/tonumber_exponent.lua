print(tonumber("1e2"), tonumber("1E-2"), tonumber("1e"), tonumber("e1"))
print(tonumber(".5"), tonumber("5."), tonumber("."), tonumber("1e+"))
