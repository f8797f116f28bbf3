local function call(n)
  local src = "return io.lines('lines_too_many_formats.lua'"
  for i = 1, n do src = src .. ", 'l'" end
  return pcall(load(src .. ")"))
end
print(call(251))
print((call(250)))
local f = io.open("lines_too_many_formats.lua")
local src = "local f = ... return f:lines("
for i = 1, 251 do src = src .. (i > 1 and ", " or "") .. "'l'" end
print(pcall(load(src .. ")"), f))
f:close()
