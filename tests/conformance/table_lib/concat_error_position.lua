local function f(t)
  return table.concat(t)
end
print(pcall(f, {1, false}))
print(pcall(f, {{}}))
