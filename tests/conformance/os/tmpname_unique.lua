local a, b = os.tmpname(), os.tmpname()
print(a ~= b)
os.remove(a)
os.remove(b)
