local it = ("abc"):gmatch("[a")
print(pcall(it))
