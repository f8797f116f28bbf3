print(select(2, load('return "\\u{110000000}"')))
print(select(2, load('return "\\u48"')))
print(select(2, load('return "\\u{}"')))
