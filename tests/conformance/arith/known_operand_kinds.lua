-- arithmetic where the compiler knows an operand: literals, locals declared with a literal
-- and never assigned, numeric-for counters; results keep Lua's integer/float rules
local G, HALF, N, NEG = 1.0, 0.5, 1000, -3
local big = 9007199254740990
print(G * 3, 3 * G, G + 2, 2 - G, G * 0.5, HALF + HALF, HALF * 2, 3 / G)
print(N + 1, N * N, N // 7, N % 7, N % NEG, -N % NEG, N // NEG, -N // 7)
print(big + 1, big + 2, big * 2, -big - 2, big + 0.5, big * 1.0)
for i = 1, 3 do
  print(i + 0.5, i * 2.0, i / 2, i // 2, i % 2, i + N, -i, i - i, i * 0, -i * 0)
end
for i = 9007199254740990, 9007199254740993 do
  print(i, i + 1, i * 1.0, i % 3, i // 3)
end
for i = 1, 2, 0.5 do print(i, i * 2, i + 1, i // 1, i % 1) end
for _, v in ipairs({ 0, -0.0, 0.0, 1, -1, 2^53, "2", "2.5", math.huge, -math.huge }) do
  print(v, -v, v % 3, v // 3, v * 0.5, v + 0.5, v - 1.0, v % -3)
end
local zero = 0
print(zero / zero ~= zero / zero, -(zero / zero) ~= -(zero / zero), 1 / zero, -1 / zero)
print(math.type(N * 2), math.type(N + G), math.type(N / 1), math.type(-N), math.type(N // 1.0))
local mt = { __add = function(a, b) return "add" end, __mod = function() return "mod" end,
  __unm = function() return "unm" end, __idiv = function() return "idiv" end,
  __mul = function() return "mul" end }
local obj = setmetatable({}, mt)
print(obj + 1.5, 1.5 + obj, obj % 3, 3 % obj, -obj, obj // 2, 2 // obj, obj * G)
print(pcall(function() return N // 0 end))
print(pcall(function() local x = 5; return x % 0 end))
print(pcall(function() return {} + G end))
print(pcall(function() local s; return -s end))
print(pcall(function() local s = "a"; return s * HALF end))
print(pcall(function() local q; return N + q, G * q end))
print(pcall(function() local q; return q - G end))
