local t = {1, 2}
for i, v in t do print(i, v) end
