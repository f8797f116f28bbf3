local function f()
  if true then
    break
  end
end
