print(pcall(string.match, "x", string.rep("(", 33) .. "x" .. string.rep(")", 33)))
print(pcall(string.gsub, "x", string.rep("()", 40), ""))
