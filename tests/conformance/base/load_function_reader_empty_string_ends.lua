local parts = {"return 'a'", "", "..'b'"}
local i = 0
local f, err = load(function() i = i + 1; return parts[i] end)
print(type(f), err)
print(f())
