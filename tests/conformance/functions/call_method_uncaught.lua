local s = {}
s:start()
