-- offset does not validate: it only skips continuation bytes
local s = "\xff\xfe\x80\x80z"
for n = 1, 4 do io.write(tostring(utf8.offset(s, n)), " ") end
print()
