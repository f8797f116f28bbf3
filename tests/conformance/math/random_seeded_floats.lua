math.randomseed(42)
for i = 1, 8 do
  local f = math.random()
  io.write(math.tointeger(f * 2^53), " ")
end
print()
math.randomseed(123)
print(math.random(), math.random())
