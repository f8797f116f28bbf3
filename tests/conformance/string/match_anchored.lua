print(string.match("  trim  ", "^%s*(.-)%s*$"))
print(string.match("key=val", "^(%w+)=(%w*)$"))
print(string.match("x key=val", "^(%w+)=(%w*)$"))
