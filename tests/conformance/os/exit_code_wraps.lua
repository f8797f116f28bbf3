os.exit(258)
