print(pcall(io.stdout.write, {}))
print(pcall(function() return io.stdout.write({}, "x") end))
local t = {write = io.stdout.write}
print(pcall(function() return t:write("x") end))
