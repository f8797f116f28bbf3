print(("a\0b\0"):gsub("%z", "0"))
print(("a\0b"):gsub("%Z", "."))
