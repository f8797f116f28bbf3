print(os.rename("no_such_file_for_rename.tmp", "rename_missing.tmp"))
