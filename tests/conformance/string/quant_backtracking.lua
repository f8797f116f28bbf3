print(("aaaa"):match("^(a*)(a)$"))
print(("aaaa"):match("^(a-)(a+)$"))
print(("abcabc"):match("(.*)b"))
print(("abcabc"):match("(.-)b"))
