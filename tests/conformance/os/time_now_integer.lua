local t = os.time()
print(type(t), t > 1600000000, tostring(t) == tostring(t | 0))
