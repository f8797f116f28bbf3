print("closing")
os.exit(7, true)
