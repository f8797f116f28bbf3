-- lua5.5: the first variable of a generic for is read-only (Lua 5.4 allows assigning to it).
for k, v in ipairs({1, 2}) do
  k = k + 1
end
