print(assert(1, "m", 3))
print(assert(true))
print(select('#', assert(0)))
