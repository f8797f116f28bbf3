local function f(n) return f(n + 1) + 1 end
local ok, msg = pcall(f, 1)
print(ok, msg:find("^stack_overflow_message_position.lua:1: stack overflow") ~= nil)
