print(io.open("no_such_file_for_open.tmp"))
print(io.open("no_such_file_for_open.tmp", "r"))
print(io.open("no_such_file_for_open.tmp", "r+"))
