local t = {1, "2", 3}
table.sort(t)
