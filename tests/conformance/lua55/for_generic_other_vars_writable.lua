-- lua5.5: only the first generic-for variable is read-only; the others can still be assigned.
for k, v in ipairs({1, 2}) do
  v = v * 10
  print(k, v)
end
