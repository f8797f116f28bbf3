for w in ("one two three"):gmatch("%a+") do print(w) end
