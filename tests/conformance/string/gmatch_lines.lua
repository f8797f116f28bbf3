local text = "line one\nline two\n\nline four"
local n = 0
for line in text:gmatch("[^\n]+") do n = n + 1; print(n, line) end
for line in (text .. "\n"):gmatch("(.-)\n") do io.write("[", line, "]") end
print()
