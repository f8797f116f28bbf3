local t = {1, 2, 3}
table.remove(t, 7)
