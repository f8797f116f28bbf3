print(load('return "\\q"'))
print(select(2, load('return "\\x4"')))
print(select(2, load('return "\\256"')))
