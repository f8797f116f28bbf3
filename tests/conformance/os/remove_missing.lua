print(os.remove("no_such_file_for_remove.tmp"))
