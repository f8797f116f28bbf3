-- Errors of a compiled pattern (assay compiles a pattern used more than four times) are
-- raised where the match reaches the faulty item, as the interpreter and C do.
local function each(label, f, ...)
  for i = 1, 6 do
    local r = table.pack(pcall(f, ...))
    if i == 6 then print(label, table.unpack(r, 1, r.n)) end
  end
end
each("never reached [", string.find, "abc", "x[")
each("reached [", string.find, "xbc", "x[")
each("never reached %", string.find, "abc", "x%")
each("reached %", string.find, "axc", "x%")
each("unclosed set", string.match, "a]", "a[^")
each("frontier no set", string.find, "abc", "%fx")
each("frontier bad set", string.find, "abc", "%f[a")
each("balance args", string.find, "abc", "a%b")
each("balance one arg", string.find, "abc", "%bx")
each("invalid close", string.find, "abc", "b.)")
each("close not reached", string.find, "abc", "x.)")
each("capture index", string.find, "abc", "(a)%2")
each("capture open index", string.find, "abc", "(a%1)")
each("capture zero", string.find, "abc", "a%0")
each("unfinished", string.match, "abc", "(a")
each("unfinished find", string.find, "abc", "b(c")
each("gsub unfinished", string.gsub, "abc", "(b", "x")
each("gmatch error", function() local t = {} for w in ("ab"):gmatch("b%") do t[#t + 1] = w end return #t end)
each("too many", string.find, "a", string.rep("(", 33) .. "a" .. string.rep(")", 33))
each("32 captures", function() return select("#", string.find("a", string.rep("()", 32))) end)
each("too complex", string.find, string.rep("a", 250), string.rep("a?", 250))
each("deep but not too deep", string.find, string.rep("a", 150), string.rep("a?", 150))
each("repl invalid", string.gsub, "abc", "b", "%x")
each("repl capture", string.gsub, "abc", "(b)", "%2")
