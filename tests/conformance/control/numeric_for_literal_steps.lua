-- loops whose step is written as a literal, in every way forprep can count:
-- integers, integers beyond 2^53, floats, a NaN start, and loops that never run
local function show(...) print(...) end
for i = math.maxinteger - 2, math.maxinteger do show("up", i) end
for i = math.mininteger + 2, math.mininteger, -1 do show("down", i) end
for i = 2^53 - 3, 2^53 - 1 do show("float start", i) end
for i = 9007199254740991, 9007199254740994 do show("cross", i) end
for x = 1.0, 3 do show("float by 1", x, math.type(x)) end
for x = 3, 1.0, -1 do show("int by -1", x, math.type(x)) end
for x = 1, 2, 0.5 do show("int start, half", x, math.type(x)) end
for x = 1.0, 7, 3 do show("float start, 3", x) end
for x = 0.0, -1.0, -0.25 do show("down by quarter", x) end
for x = 0 / 0, 1, 0.5 do show("nan start", x) end
for x = 1.5, 1.0, 0.5 do show("never", x) end
for x = 10, 1 do show("never", x) end
local STEP <const> = 0.75
for x = 0.0, 2, STEP do show("const step", x) end
local n = 0
for i = 1, 3 do
  for j = i, 3 do n = n * 10 + j end
end
show("nested", n)
for i = 1, 10 do
  if i % 4 == 0 then show("mod", i, i % 3, i // 2) end
end
