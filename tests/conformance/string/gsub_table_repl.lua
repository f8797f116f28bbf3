local t = {name = "Lua", version = "5.4"}
print(string.gsub("$name $version $other", "%$(%w+)", t))
print(string.gsub("abc", "%w", {a = 1, b = 2.5}))
print(string.gsub("abc", "%w", {a = false}))
