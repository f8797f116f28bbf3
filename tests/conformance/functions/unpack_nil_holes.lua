print(table.unpack({1, nil, 3}, 1, 3))
