print(os.getenv(12345))
