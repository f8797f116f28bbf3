print(io.open(42))
