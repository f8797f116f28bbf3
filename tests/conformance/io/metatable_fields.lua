local mt = getmetatable(io.stdout)
print(mt.__name, type(mt.__index), type(mt.__gc), type(mt.__close), type(mt.__tostring))
print(getmetatable(io.stdin) == mt, getmetatable(io.stderr) == mt)
local keys = {}
for k in pairs(mt) do keys[#keys + 1] = k end
for i = 1, #keys do for j = i + 1, #keys do if keys[j] < keys[i] then keys[i], keys[j] = keys[j], keys[i] end end end
for _, k in ipairs(keys) do io.write(k, " ") end
print()
