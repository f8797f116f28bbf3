print(math.floor(2^53), math.floor(2^62), math.ceil(-2^63))
print(math.floor(2^63), math.ceil(2^63), math.floor(-2^64))
print(math.type(math.floor(2^63)), math.type(math.floor(-2^63)))
print(math.floor(1e300), math.ceil(-1e300))
