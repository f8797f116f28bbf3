local t = os.time({year=2024})
print(t)
