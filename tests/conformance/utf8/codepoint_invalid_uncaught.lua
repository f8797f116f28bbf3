local s = "ok\xffbad"
print(utf8.codepoint(s, 1, -1))
