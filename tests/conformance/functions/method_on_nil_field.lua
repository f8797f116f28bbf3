local t = {}
print(pcall(function() return t.sub:method() end))
