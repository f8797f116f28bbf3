print(("hello world"):match("(h)(e)(l)(l)(o)"))
print(("k=v"):match("(%w)=(%w)"))
