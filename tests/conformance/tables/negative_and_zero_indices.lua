local t = {[0] = "zero", [-1] = "neg", "one"}
print(t[0], t[-1], t[1], #t)
