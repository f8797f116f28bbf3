local n = 0
for w in ("abc"):gmatch("%") do
  n = n + 1
end
