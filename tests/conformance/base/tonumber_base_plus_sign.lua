-- found by tests/fuzz: tonumber with a base accepts a leading "+"
print(tonumber("+i", 21), tonumber("+i"), tonumber(" +10 ", 2), tonumber("-ff", 16), tonumber("+-1", 10), tonumber("+", 10), tonumber("++1", 10), tonumber(" - 1", 10))
