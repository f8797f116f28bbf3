print(5 % math.huge)
print(-5 % math.huge)
print(5 % -math.huge)
print(-5 % -math.huge)
