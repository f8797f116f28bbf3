local name = os.tmpname()
do
  local f <close> = io.open(name)
  f:close()
end
print("no error")
os.remove(name)
