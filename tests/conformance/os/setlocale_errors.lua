print(pcall(os.setlocale, nil, "bad"))
print(pcall(os.setlocale, {}))
print(pcall(os.setlocale, "C", 1))
