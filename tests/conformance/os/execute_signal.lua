print(os.execute("kill -9 $$"))
print(os.execute("kill -15 $$"))
