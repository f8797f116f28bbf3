print(math.floor(math.huge), math.ceil(-math.huge))
print(math.floor(0/0) ~= math.floor(0/0))
print(math.type(math.floor(math.huge)))
