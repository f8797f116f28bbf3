print(string.format("%q", 'he said "hi"\n\\done'))
print(string.format("%q", "tab\there"))
