local s = string.char(65, 256)
