print(tonumber("aBc", 16), tonumber("ABC", 16), tonumber("g", 16), tonumber("G", 17))
