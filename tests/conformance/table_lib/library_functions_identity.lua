local t = table
print(t.insert == table.insert, type(table.unpack), unpack == nil)
