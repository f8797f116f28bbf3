print(pcall(function()
  for p, c in utf8.codes("a\u{D800}b") do io.write(p, ":", c, " ") end
end))
for p, c in utf8.codes("a\u{D800}b", true) do io.write(p, ":", c, " ") end
print()
