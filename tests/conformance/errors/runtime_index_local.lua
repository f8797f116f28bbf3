local cfg
print(pcall(function() local c = cfg; return c.key end))
