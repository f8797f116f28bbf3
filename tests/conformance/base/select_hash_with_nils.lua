print(select('#', nil, nil, nil))
print(select(2, nil, "b", nil))
