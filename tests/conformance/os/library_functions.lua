local names = {"clock", "date", "difftime", "execute", "exit", "getenv", "remove", "rename", "setlocale", "time", "tmpname"}
for _, n in ipairs(names) do print(n, type(os[n])) end
