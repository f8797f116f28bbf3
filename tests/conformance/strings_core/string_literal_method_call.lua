print(("%s-%s"):rep(2, ","))
print(#("abc"):rep(2))
