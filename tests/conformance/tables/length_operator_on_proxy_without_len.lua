local t = setmetatable({}, {__index = {1, 2, 3}})
print(#t, t[1])
