for p, q in ("aXbXc"):gmatch("()X()") do print(p, q) end
