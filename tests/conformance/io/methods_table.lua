local m = getmetatable(io.stdout).__index
local keys = {}
for k, v in pairs(m) do keys[#keys + 1] = k .. ":" .. type(v) end
for i = 1, #keys do for j = i + 1, #keys do if keys[j] < keys[i] then keys[i], keys[j] = keys[j], keys[i] end end end
for _, k in ipairs(keys) do print(k) end
