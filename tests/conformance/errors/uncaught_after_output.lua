print("line 1")
io.write("partial")
local x = nil
x.y = 1
