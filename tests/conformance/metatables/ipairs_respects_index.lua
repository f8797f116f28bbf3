local proxy = setmetatable({}, {__index = function(t, i) if i <= 3 then return i * 10 end end})
for i, v in ipairs(proxy) do io.write(i, "=", v, " ") end
print()
