for d = 0, 6 do print(os.date("!%a %A %u %w", d * 86400)) end
