local s = "abc"
s = s:gsub("[", "")
