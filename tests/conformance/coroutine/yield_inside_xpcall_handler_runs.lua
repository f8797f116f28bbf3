local co = coroutine.create(function()
  local ok, e = xpcall(function()
    local v = coroutine.yield("in xpcall")
    error({code = v})
  end, function(err)
    return "handled code " .. err.code
  end)
  return ok, e
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 7))
