print(pcall(io.stdout.seek, io.stdout, "bad"))
print(pcall(io.stdout.setvbuf, io.stdout, "bad"))
print(pcall(io.stdin.read, io.stdin, "x"))
print(pcall(io.stdout.write, io.stdout, {}))
