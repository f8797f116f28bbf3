local function f(x)
  if x then return end
  return "no"
end
print(f(true), f(false))
