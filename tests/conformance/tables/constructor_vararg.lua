local function pack(...) return {...} end
local t = pack(1, nil, 3)
print(t[1], t[2], t[3])
local u = pack()
print(#u)
