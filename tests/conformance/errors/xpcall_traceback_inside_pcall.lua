-- a message handler's traceback shows every frame down to the error, also when the xpcall
-- itself runs inside a pcall (runtime errors and error() alike)
local function deep(n, how)
  if n == 0 then
    if how == "index" then local t = nil; return t.x end
    error("deep end")
  end
  return (deep(n - 1, how))
end
for _, how in ipairs({ "index", "error" }) do
  pcall(function()
    xpcall(function() deep(12, how) end, function(m)
      local tb = debug.traceback(m)
      local _, frames = tb:gsub("'deep'", "")
      print(how, frames >= 13, (m:gsub("^.-:%d+: ", "")))
    end)
  end)
end
