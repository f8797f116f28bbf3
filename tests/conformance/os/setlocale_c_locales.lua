print(os.setlocale("C"))
print(os.setlocale("POSIX"))
print(os.setlocale("C", "time"))
