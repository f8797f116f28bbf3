--[==[
]]
]=]
]==]
print("done")
