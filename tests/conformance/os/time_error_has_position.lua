local ok, e = pcall(function() return os.time({year=2024, month=1}) end)
print(e)
