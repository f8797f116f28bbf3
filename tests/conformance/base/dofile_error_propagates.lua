print(pcall(dofile, "dofile_error_propagates.data"))
