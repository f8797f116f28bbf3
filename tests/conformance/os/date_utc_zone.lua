print(os.date("!%z %Z", 0))
print(os.date("!%z %Z", 1700000000))
