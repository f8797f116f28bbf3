local got = {}
string.gsub("ab cd", "%a+", function(...) got[#got + 1] = select("#", ...) .. ":" .. ... end)
print(table.concat(got, " "))
