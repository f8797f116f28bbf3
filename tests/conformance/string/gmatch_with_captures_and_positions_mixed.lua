for a, p, b in ("k1=v1;k2=v2"):gmatch("(%w+)()=(%w+)") do print(a, p, b) end
