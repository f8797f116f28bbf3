print(collectgarbage("count") > 0)
