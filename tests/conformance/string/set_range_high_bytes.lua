local s = "\127\128\200\255a"
print(select(2, s:gsub("[\128-\255]", "")))
print(select(2, s:gsub("[^\128-\255]", "")))
