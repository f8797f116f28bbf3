print(os.execute("true"))
print(os.execute("exit 0"))
