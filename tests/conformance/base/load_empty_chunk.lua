local f = load("")
print(type(f), f())
print(select('#', f()))
