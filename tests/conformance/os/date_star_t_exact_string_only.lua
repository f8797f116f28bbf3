print(type(os.date("*t\0x", 0)), type(os.date(" *t", 0)), type(os.date("*tx", 0)), type(os.date("!*t", 0)))
