print(pcall(string.pack, "!3bi3", 1, 2))
print(pcall(string.packsize, "!3i3"))
print(pcall(string.packsize, "!3bi"))
print(string.packsize("!3bh"), pcall(string.packsize, "!4bi3"))
