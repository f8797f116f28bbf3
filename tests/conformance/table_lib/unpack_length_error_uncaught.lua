local function f(x) return table.unpack(x) end
f(true)
