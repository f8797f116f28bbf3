local function it(s, c)
  if c < 3 then return c + 1, c * 2, "x" end
end
for a, b, c, d in it, nil, 0 do print(a, b, c, d) end
