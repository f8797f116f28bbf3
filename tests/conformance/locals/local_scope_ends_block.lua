do local inner = 5 end
print(inner)
