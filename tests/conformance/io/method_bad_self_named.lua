local t = {read = io.stdin.read, seek = io.stdin.seek}
print(pcall(function() return t:read() end))
print(pcall(function() return t.read(t) end))
print(pcall(function() return t:seek() end))
print(pcall(function() return io.stdin.read(1) end))
