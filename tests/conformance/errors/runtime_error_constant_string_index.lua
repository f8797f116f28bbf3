print(pcall(function() local s = "abc"; return s.x.y end))
