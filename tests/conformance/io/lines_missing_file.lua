print(pcall(io.lines, "no_such_lines_file.tmp"))
