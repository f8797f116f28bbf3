local function validate(v)
  if not v then error("validation failed", 2) end
end
print("start")
validate(false)
