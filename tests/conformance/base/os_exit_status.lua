print("before exit")
os.exit(3)
print("never")
