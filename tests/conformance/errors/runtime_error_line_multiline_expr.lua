local t = {}
local ok, e = pcall(function()
  local x = 1 +
    2 +
    t.missing
end)
print(e)
