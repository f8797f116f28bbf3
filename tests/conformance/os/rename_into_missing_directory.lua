local a = os.tmpname()
print(os.rename(a, "no/such/dir/x"))
os.remove(a)
