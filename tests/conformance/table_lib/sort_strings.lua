local t = {"pear", "apple", "fig", "banana", "Apple", "", "b"}
table.sort(t)
print(table.concat(t, ","))
