print(dofile("dofile_data.data"))
print(shared_from_dofile)
