local dir = os.tmpname()
os.remove(dir)
os.execute("mkdir -p " .. dir)
local f = io.open(dir .. "/counted.lua", "w")
f:write('COUNT = (COUNT or 0) + 1\nreturn COUNT\n')
f:close()
package.path = dir .. "/?.lua"
print(require("counted"), require("counted"), COUNT)
package.loaded.counted = nil
print(require("counted"), COUNT)
os.execute("rm -rf " .. dir)
