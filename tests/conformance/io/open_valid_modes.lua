local name = os.tmpname()
for _, m in ipairs{"r", "rb", "rbb", "r+", "r+b", "w", "wb", "w+", "w+b", "a", "ab", "a+", "a+b"} do
  local f = io.open(name, m)
  print(m, io.type(f))
  f:close()
end
os.remove(name)
