print(pcall(function() return "3" | 0 end))
print(pcall(function() local s = "8"; return s >> 1 end))
print(pcall(function() return 1 & "0xff" end))
print(pcall(function() return ~"1" end))
