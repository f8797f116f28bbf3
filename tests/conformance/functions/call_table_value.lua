local t = {}
print(pcall(function() t() end))
print(pcall(function() ({})() end))
