print(string.upper(1e100), string.lower(0x10))
