print("exiting")
os.exit(3)
print("not reached")
