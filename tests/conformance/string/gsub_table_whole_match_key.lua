print(string.gsub("hello world", "%w+", {hello = "HI"}))
print(string.gsub("k1 k2", "k(%d)", {["1"] = "one", [2] = "two"}))
