-- the local time zone varies; every conversion still produces a string
for _, c in ipairs{"a","A","b","B","c","C","d","D","e","F","g","G","h","H","I","j","m","M","n","p","r","R","S","t","T","u","U","V","w","W","x","X","y","Y","z","Z","%"} do
  assert(type(os.date("%" .. c, 0)) == "string")
end
print("ok")
