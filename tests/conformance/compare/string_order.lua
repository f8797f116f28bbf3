print("a" < "b", "a" < "ab", "Z" < "a", "\0" < "\1")
print("abc" < "abd", "" < "a", "b" < "abc")
print("a\0b" < "a\0c", "a" < "a\0")
