-- found by tests/fuzz: numerals are divided in the string library's metamethod (a C function), so no position
print(pcall(function() return "1" // 0 end))
print(pcall(function() return "7" % 0 end))
print(pcall(function() local x = "10" return x // "0" end))
print(pcall(function() return math.maxinteger % "0" end))
print(pcall(function() return 1 // 0 end))
