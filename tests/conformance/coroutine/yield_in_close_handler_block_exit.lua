local co = coroutine.wrap(function()
  do
    local x <close> = setmetatable({}, {__close = function()
      local v = coroutine.yield("closing block")
      print("close handler resumed with", v)
    end})
    print("in block")
  end
  print("after block")
  return "done"
end)
print(co())
print(co("resume-val"))
