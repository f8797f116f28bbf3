print(rawequal("1", 1), rawequal(2^53, 2^53), rawequal(1, 2))
