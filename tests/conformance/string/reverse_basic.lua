print(string.reverse("abc"), string.reverse(""), string.reverse("a"))
print(("hello world"):reverse())
print(string.byte(string.reverse("\1\2\0\255"), 1, -1))
