-- line comment
--[[ block
comment ]] print("after block")
--[==[ level
]] still comment
]==] print("after level")
---[[ not a block
print("visible")
--]]
