print([[abc]])
print([==[a]]b]=]c]==])
print([[
skipped first newline]])
print([[a
b]])
