io.write(utf8.char(0x7FFFFFFF), "|", utf8.char(0x110000), "|", utf8.char(0xD800), "\n")
