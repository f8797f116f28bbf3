print(string.gsub("abc", "b", function() return "X", "Y" end))
