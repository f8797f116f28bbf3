print(("abc123def4"):gsub("%f[%d]", "#"))
print(("abc123def4"):gsub("%f[%D]", "#"))
