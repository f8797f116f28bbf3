local s = "na\u{EF}ve \u{2603} caf\u{E9}"
local cps = {}
for _, c in utf8.codes(s) do cps[#cps + 1] = c end
print(#cps, utf8.len(s))
print(utf8.char(table.unpack(cps)) == s)
print(table.concat(cps, ","))
