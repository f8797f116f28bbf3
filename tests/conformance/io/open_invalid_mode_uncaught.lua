io.open("open_invalid_mode_uncaught.lua", "rw")
