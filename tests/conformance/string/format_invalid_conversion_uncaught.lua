local s = string.format("value: %k", 10)
