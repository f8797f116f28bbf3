local function pick(c) return c and "yes" or "no" end
print(pick(true), pick(false), pick(nil), pick(0))
print(true and false or "fallback")
