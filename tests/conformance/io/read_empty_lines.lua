local n = 0
for l in io.lines("read_empty_lines.data") do
  n = n + 1
  print(n, "[" .. l .. "]")
end
