local s = "\u{D800}"
print(pcall(function() for p, c in utf8.codes(s, false) do end end))
print(pcall(function() for p, c in utf8.codes(s, nil) do end end))
for p, c in utf8.codes(s, 1) do print(p, c) end
for p, c in utf8.codes(s, "yes") do print(p, c) end
