print(os.execute("false"))
print(os.execute("exit 3"))
print(os.execute("exit 255"))
