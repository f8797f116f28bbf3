print(pcall(function() return undefined_tbl.x end))
