local f = load("return undefined_thing.x", "=c", "t", {})
print(pcall(f))
