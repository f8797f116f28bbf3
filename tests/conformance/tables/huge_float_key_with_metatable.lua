-- found by tests/fuzz: float keys beyond the integer range (2^63) in tables with metatables
local t = setmetatable({}, {})
print(t[2^63], t[-2^63], t[1e300])
local w = setmetatable({}, {__index = {[2^63] = "big", [-2^63] = "minint"}})
print(w[2^63], w[-2^63], w[math.mininteger], rawget(w, 2^63))
local z = {} rawset(z, 2^63, "r") rawset(z, 1e300, "h")
print(rawget(z, 2^63), z[1e300], z[2^63])
