-- lua5.5: the numeric for control variable is read-only (Lua 5.4 allows assigning to it).
for i = 1, 3 do
  i = i + 1
end
