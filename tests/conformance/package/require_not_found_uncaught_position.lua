package.path = "/nonexistent/?.lua"
-- only the preload and Lua-file searchers (assay loads no C modules)
package.searchers = {package.searchers[1], package.searchers[2]}
require("missing_mod")
