local s = string.rep("a", 300)
for _, n in ipairs{197, 198, 199, 200, 201} do
  local ok, r = pcall(string.find, s, string.rep("a?", n))
  print(n, ok, ok and r or r)
end
