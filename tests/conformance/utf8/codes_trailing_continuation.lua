-- stray continuation bytes after a character are skipped by 5.4.4's iterator
for p, c in utf8.codes("a\x80\x80b") do io.write(p, ":", c, " ") end
print()
for p, c in utf8.codes("a\x80") do io.write(p, ":", c, " ") end
print()
