print(string.match("abc", "()()"))
print(string.match("abc", "(x*)"))
print(#string.match("abc", "(x*)"))
