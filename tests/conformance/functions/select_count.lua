print(select('#'))
print(select('#', nil))
print(select('#', 1, nil, nil))
