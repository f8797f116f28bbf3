local function closer(name)
  return setmetatable({}, {__close = function(_, e) print("closing", name, e) end})
end
local function inner()
  local i <close> = closer("inner")
  coroutine.yield()
end
local co = coroutine.create(function()
  local o <close> = closer("outer")
  do
    local d <close> = closer("done block")
  end
  inner()
end)
coroutine.resume(co)
print("closing now")
print(coroutine.close(co))
