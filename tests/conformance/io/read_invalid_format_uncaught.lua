local f = io.open("read_invalid_format_uncaught.lua")
f:read("q")
