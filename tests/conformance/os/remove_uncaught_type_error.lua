os.remove(nil)
