print(os.execute())
print(os.execute(nil))
