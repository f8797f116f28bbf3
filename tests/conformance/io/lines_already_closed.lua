local it = io.lines("lines_already_closed.data")
print(it())
print(it())
print(pcall(it))
