local f = loadfile("loadfile_data.data")
print(type(f))
print(f("arg1"))
