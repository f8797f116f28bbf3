os.exit(4.0)
