for l in io.lines("no_such_lines_file.tmp") do end
