print(collectgarbage())
print(collectgarbage("collect"))
print(collectgarbage("step") ~= nil)
