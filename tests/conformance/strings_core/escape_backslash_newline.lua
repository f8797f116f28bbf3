print("one\
two")
