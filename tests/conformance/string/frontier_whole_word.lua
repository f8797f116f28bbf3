local s = "the cat concatenates cat"
print(s:gsub("%f[%w]cat%f[%W]", "dog"))
