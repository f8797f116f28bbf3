print(type(os.getenv("PATH")))
