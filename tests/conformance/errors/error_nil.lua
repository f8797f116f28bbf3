print(pcall(error, nil))
print(pcall(error))
print(pcall(function() error(nil) end))
