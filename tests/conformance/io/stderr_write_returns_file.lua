print(io.stderr:write("") == io.stderr)
