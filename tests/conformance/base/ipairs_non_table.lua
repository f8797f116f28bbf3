for i, v in ipairs("abc") do print(i, v) end
print("string: no iterations")
local f, s, i = ipairs(nil)
print(type(f), s, i)
print(pcall(function() for i in ipairs(5) do end end))
print(pcall(function() for i in ipairs(nil) do end end))
