io.stdout:setvbuf("no")
io.write("one\n")
os.execute("echo two")
print("three")
