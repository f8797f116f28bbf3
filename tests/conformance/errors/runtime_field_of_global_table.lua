config = {}
print(pcall(function() return config.db.host end))
