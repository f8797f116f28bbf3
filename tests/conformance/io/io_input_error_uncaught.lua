io.input("no_such_input_file.tmp")
