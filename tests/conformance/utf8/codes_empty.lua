local n = 0
for p, c in utf8.codes("") do n = n + 1 end
print(n)
