local data
for k, v in pairs(data) do print(k) end
