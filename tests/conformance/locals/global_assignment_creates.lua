newglobal = 5
print(newglobal, _G.newglobal, rawget(_G, "newglobal"))
newglobal = nil
print(rawget(_G, "newglobal"))
