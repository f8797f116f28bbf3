local fs = {}
for i = 1, 2 do
  local x = i
  fs[#fs + 1] = function() x = x + 10; return x end
  fs[#fs + 1] = function() return x end
end
print(fs[1](), fs[2](), fs[3](), fs[4]())
