print("exiting with success")
os.exit(true)
print("never")
