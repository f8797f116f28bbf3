local t = {"a", "b", "c"}
for i, v in ipairs(t) do print(i, v) end
