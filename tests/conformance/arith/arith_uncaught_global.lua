print(missing_total + 1)
