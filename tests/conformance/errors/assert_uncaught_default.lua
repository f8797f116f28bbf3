local x = false
assert(x)
