print(io.type(io.stdin), io.type(io.stdout), io.type(io.stderr))
print(io.stdin ~= io.stdout, io.stdout ~= io.stderr)
