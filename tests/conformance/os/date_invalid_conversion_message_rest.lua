print(pcall(os.date, "%Q abc"))
print(pcall(os.date, "x %Ez tail"))
