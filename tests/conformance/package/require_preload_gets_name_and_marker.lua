package.preload.pre = function(...) print("loader got", ...) return "P" end
print(require("pre"))
print(require("pre"))
