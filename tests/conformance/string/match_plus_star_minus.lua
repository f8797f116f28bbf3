print(("aaab"):match("a+"), ("aaab"):match("a*"), ("aaab"):match("a-"), ("aaab"):match("a-b"))
print(("baaa"):match("a*"), ("baaa"):match("a+"))
