local s = "ok\xC0"
for p, c in utf8.codes(s) do
  print(p, c)
end
