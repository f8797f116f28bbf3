-- found by tests/fuzz: rawset's key errors come from the table code, without position
print(pcall(function() return rawset({}, 0/0, 1) end))
print(pcall(function() return rawset({}, nil, 1) end))
print(pcall(function() local t = {} t[0/0] = 1 end))
