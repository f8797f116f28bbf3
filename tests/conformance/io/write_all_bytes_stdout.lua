local t = {}
for i = 0, 255 do t[#t + 1] = i end
local s = ""
for i = 0, 255 do s = s .. load("return '\\" .. i .. "'")() end
io.write(s)
