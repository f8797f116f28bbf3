print(("a-b c-d"):gsub("%S+", function(w) return (w:gsub("-", "+")) end))
print(("x1y2"):gsub("%a", function(c) return ("%s"):format(c:upper()):rep(2) end))
