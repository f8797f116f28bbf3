local co = coroutine.create(function()
  local parts = {"return ", "1 + ", "2", nil}
  local i = 0
  local f, err = load(function()
    i = i + 1
    coroutine.yield("reader")
    return parts[i]
  end)
  return f, err
end)
print(coroutine.resume(co))
