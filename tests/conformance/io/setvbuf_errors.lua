print(pcall(function() return io.stdout:setvbuf() end))
print(pcall(function() return io.stdout:setvbuf("xx") end))
print(pcall(function() return io.stdout:setvbuf("no", "big") end))
