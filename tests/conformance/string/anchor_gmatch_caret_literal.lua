for w in ("^a^b"):gmatch("^.") do io.write(w, " ") end
print()
for w in ("abab"):gmatch("^ab") do io.write(w, " ") end
print("done")
