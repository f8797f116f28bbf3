print(pcall(io.input, "no_such_input_file.tmp"))
print(pcall(io.input, {}))
print(pcall(io.input, true))
print(io.input() == io.stdin)
