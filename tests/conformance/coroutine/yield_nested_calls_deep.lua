local function level3(x) local r = coroutine.yield("level3", x) return r * 2 end
local function level2(x) return level3(x + 1) + 1 end
local function level1(x) return level2(x + 1) + 1 end
local co = coroutine.create(function(x) return "result", level1(x) end)
print(coroutine.resume(co, 1))
print(coroutine.resume(co, 10))
