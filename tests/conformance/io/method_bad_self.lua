local f = io.stdout
for _, m in ipairs{"read", "write", "lines", "flush", "seek", "setvbuf", "close"} do
  print(m, pcall(f[m], {}))
end
print(pcall(f.read))
