os.exit(nil, false)
