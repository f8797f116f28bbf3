local t = {x = {}}
print(pcall(function() t.x.y() end))
print(pcall(function() t.nofield() end))
