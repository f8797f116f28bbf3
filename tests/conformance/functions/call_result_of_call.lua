local function f() return nil end
print(pcall(function() f()() end))
