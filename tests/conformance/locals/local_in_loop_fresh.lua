local fns = {}
for i = 1, 3 do
  local v = i * 10
  fns[i] = function() return v end
end
print(fns[1](), fns[2](), fns[3]())
