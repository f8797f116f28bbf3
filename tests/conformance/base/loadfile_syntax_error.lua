print(loadfile("loadfile_syntax_error.data"))
