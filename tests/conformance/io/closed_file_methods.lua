local name = os.tmpname()
local f = io.open(name, "w")
f:close()
for _, m in ipairs{"read", "write", "lines", "flush", "seek", "setvbuf", "close"} do
  print(m, pcall(f[m], f))
end
os.remove(name)
