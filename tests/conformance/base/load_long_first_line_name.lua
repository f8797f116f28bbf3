print(load("local s = 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz' +"))
