print(type(collectgarbage("count")))
print(math.type(collectgarbage("count")))
