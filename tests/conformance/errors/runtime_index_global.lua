print(pcall(function() return settings.value end))
