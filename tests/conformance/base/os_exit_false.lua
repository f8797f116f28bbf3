io.write("exiting with failure\n")
os.exit(false)
