local names = {"assert", "collectgarbage", "dofile", "error", "getmetatable", "ipairs",
  "load", "loadfile", "next", "pairs", "pcall", "print", "rawequal", "rawget", "rawlen",
  "rawset", "require", "select", "setmetatable", "tonumber", "tostring", "type", "xpcall"}
for _, n in ipairs(names) do io.write(n, "=", type(_G[n]), " ") end
print()
