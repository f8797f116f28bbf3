local lib = {}
print(pcall(function() lib.util.helper() end))
