local s = "ab_12 CD-e"
print((s:gsub("%w", "")), (s:gsub("%W", "")))
