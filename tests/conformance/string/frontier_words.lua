local s = "THE (quick) fox"
print(s:gsub("%f[%a]%a+", "W"))
print(s:gsub("%f[%a]", "|"))
print(s:gsub("%f[%A]", "|"))
