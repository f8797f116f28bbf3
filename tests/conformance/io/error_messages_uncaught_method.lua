local f = io.open("error_messages_uncaught_method.lua")
f:seek("bad")
