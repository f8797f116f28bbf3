local name = os.tmpname()
local keep
do
  local f <close> = io.open(name, "w")
  keep = f
  f:write("tbc")
  print(io.type(f))
end
print(io.type(keep))
print(io.open(name):read("a"))
os.remove(name)
