print(type(print), type(function() end))
print(tostring(print):match("^function: ") ~= nil)
print(tostring(function() end):match("^function: ") ~= nil)
