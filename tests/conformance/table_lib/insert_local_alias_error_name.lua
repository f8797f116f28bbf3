local tinsert = table.insert
print(pcall(function() tinsert(nil, 1) end))
local t = {insert = table.insert}
print(pcall(function() t.insert(nil, 1) end))
print(pcall(function() t:insert(1) end))
