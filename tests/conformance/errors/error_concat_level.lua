local function f() error("level" .. 1, 1) end
print(pcall(f))
