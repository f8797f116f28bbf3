print("before")
io.stdout:flush()
os.execute("echo child")
print("after")
