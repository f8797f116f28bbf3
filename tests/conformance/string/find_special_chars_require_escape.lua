local function esc(s) return (s:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0")) end
local p = esc("a.b*c(d)[e]^f$g%h+i-j?")
print(p)
print(("xx a.b*c(d)[e]^f$g%h+i-j? yy"):find(p))
