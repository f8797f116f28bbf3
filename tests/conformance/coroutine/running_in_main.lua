local co, ismain = coroutine.running()
print(type(co), ismain)
print(select('#', coroutine.running()))
