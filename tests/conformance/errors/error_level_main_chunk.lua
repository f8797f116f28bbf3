local function lvl2() error("from level 2", 2) end
lvl2()
