local a = os.clock()
local x = 0
for i = 1, 3000000 do x = x + i end
local b = os.clock()
print(b >= a)
