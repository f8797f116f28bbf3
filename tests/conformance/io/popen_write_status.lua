io.stdout:setvbuf("no")
local p = io.popen("cat >/dev/null; exit 2", "w")
p:write("ignored")
print(p:close())
