local function f(...) return table.pack(...) end
local t = f("a", nil, "c", nil)
print(t.n)
for i = 1, t.n do print(i, t[i]) end
