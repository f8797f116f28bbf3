for w in ("one two three"):gmatch("%a+", 5) do io.write(w, ";") end print()
for w in ("one two three"):gmatch("%a+", -5) do io.write(w, ";") end print()
for w in ("one two three"):gmatch("%a+", 100) do io.write(w, ";") end print("end")
for w in ("abc"):gmatch("", 4) do io.write("[", w, "]") end print()
