print(("aaa123bbb"):match("[a-z]+"), ("aaa123bbb"):match("[0-9]*"), ("aaa123bbb"):match("[0-9]+"))
print(("abc"):match("[ab]-c"), ("xbc"):match("^[ab]?bc"))
