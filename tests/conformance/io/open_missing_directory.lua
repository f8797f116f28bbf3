print(io.open("no/such/dir/file.tmp", "w"))
print(io.open("no/such/dir/file.tmp", "a"))
