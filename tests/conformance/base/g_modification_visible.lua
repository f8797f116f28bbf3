local G = _G
G.newname = "visible"
print(newname)
_G = nil
print(newname, G.newname)
