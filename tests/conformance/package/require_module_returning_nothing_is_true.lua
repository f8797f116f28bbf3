package.preload.silent = function() end
print(require("silent"), package.loaded.silent)
package.preload.setsloaded = function(name) package.loaded[name] = "own value" end
print(require("setsloaded"))
package.preload.falsy = function() return false end
print(require("falsy"), package.loaded.falsy)
