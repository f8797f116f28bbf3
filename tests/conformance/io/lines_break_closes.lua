local it, s, c, f = io.lines("lines_break_closes.data")
for l in it, s, c, f do
  print(l)
  break
end
print(io.type(f))
