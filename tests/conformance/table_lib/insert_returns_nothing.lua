print(select("#", table.insert({}, 1)))
print(select("#", table.insert({}, 1, 1)))
