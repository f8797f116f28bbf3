local cfg = {}
local v = cfg.timeout * 1000
