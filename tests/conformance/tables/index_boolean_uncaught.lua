local ok = true
print(ok.value)
