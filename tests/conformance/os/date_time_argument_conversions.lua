print(os.date("!%H:%M:%S", "3661"))
print(os.date("!%H:%M:%S", 3661.0))
print(os.date("!%H:%M:%S", "0x10"))
