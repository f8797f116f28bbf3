local function fail() error("something broke") end
fail()
