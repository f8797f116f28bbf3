-- Patterns that cannot raise an error while matching run as JS regexps in assay
-- (lpregex.ts) from their third use: these lines, run three times, cover what that
-- translation must keep exactly as Lua has it.
local function show(...)
  local t = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    t[#t + 1] = type(v) == "string" and string.format("%q", v) or tostring(v)
  end
  return table.concat(t, " ")
end
local function all(s, p)
  local t = {}
  for a, b in s:gmatch(p) do t[#t + 1] = show(a, b) end
  return table.concat(t, "; ")
end
for round = 1, 3 do
  print("round", round)
  -- classes are ASCII only (no \xa0 in %s, no _ in %w), '.' matches newlines and NULs
  print(show(("a\160b\0c_d\ne"):find("%s")), show(("_\200"):match("%w")), show(("a\nb\0c"):match("a.b.c")))
  print(show(("\200\255x"):match("[\128-\255]+")), show(("x]y"):match("[]]")), show(("a-b"):match("[a%-]+")))
  print(show(("AbC1"):match("%u%l%U%d")), show(("tab\tx"):find("%c")), show(("a%b"):gsub("%%", "pct")))
  -- greedy, lazy and optional repetitions pick the same split as C
  print(show(("aaa-bbb-ccc"):match("(.*)-(.*)")), show(("aaa-bbb-ccc"):match("(.-)-(.*)")))
  print(show(("key = value -- note"):match("^(%w+)%s*=%s*(.-)%s*%-%-")), show(("ab"):match("a?b?c?")))
  print(show(("xaaay"):find("a-y")), show(("xaaay"):find("a*")), show(("xaaay"):find("a+")))
  -- anchors: '^' only at the start (and not in gmatch), '$' only at the end
  print(show(("abc"):find("^b", 2)), show(("abc"):find("^b")), show(("a^b$c"):find("^b$c", 3)))
  print(show(("ab$"):find("b$")), show(("ab\n"):find("b$")), all("^a^b", "^%a"))
  print(show(("abab"):gsub("^ab", "X")), show(("aaa"):gsub("^a", "b")))
  -- frontiers at the subject's ends (NUL before and after it) and at NULs inside it
  print(show(("THE (quick) fox"):find("%f[%a]%a+")), all("THE (quick) fox", "%f[%a]%a+%f[%A]"))
  print(show(("abc"):find("%f[%z]")), show(("a\0b"):find("%f[%z]")), show(("\0b"):find("%f[^%z]")))
  print(show(("abc"):find("%f[%l]")), show(("abc"):find("%f[%L]")), show((""):find("%f[%z]")))
  print(show(("x1 22 333"):gsub("%f[%d]%d+%f[%D]", "<%0>")), all("aXbXc", "%f[X]."))
  -- back-references, also to a capture that matched empty
  print(show(("abcabc xyxy"):match("(%a+)%1")), show(("x==y"):find("(=*)%1")), show(("aa"):match("(a*)%1$")))
  print(show(("'quoted' and \"double\""):gsub("(['\"])(.-)%1", "[%2]")), show(("abab"):match("((a)b)%1")))
  -- empty matches in gmatch and gsub (Lua 5.4 skips one right after the previous match)
  print(all("abc", "x*"), show(("abc"):gsub("%w*", "-")), show(("a,b,,c"):gsub(",*", "|")))
  print(show(("hello world"):gsub("o*", "0")), all("aaa", "a-"), show((""):gsub("", "e")))
  -- replacements: %0-%9, tables, functions, false/nil keep the match, bad values and escapes
  print(show(("hello world"):gsub("(o)(%s?)", "%2%1%0")), show(("abc"):gsub("%w", "%%%0")))
  print(show(("a=1, b=2"):gsub("(%w+)=(%w+)", { a = "A", b = false })), show(("abc"):gsub("%w", { a = 1.5 })))
  print(show(("abc"):gsub("(%w)", function(c) if c == "b" then return nil end return c:upper() end, 2)))
  print(pcall(string.gsub, "abc", "(%w)", "%2"))
  print(pcall(string.gsub, "abc", "%w", "%2"))
  print(pcall(string.gsub, "abc", "%w", "%x"))
  print(pcall(string.gsub, "abc", "%w", { a = {} }))
  print(show(("abc"):gsub("%w", "%1")), show(("abc"):gsub("", "%0", 2)))
  -- find and match: init, captures, plain text after a failed regexp search
  print(show(("hello"):find("l+", -2)), show(("hello"):find("(l)(l)")), show(("hello"):match("(h)(e)(l)(l)(o)")))
  print(show(("hello"):find("", 10)), show(("hello"):find("", 6)), show(("hello"):match(".-$", 3)))
  -- many captures, nested ones, and a digit right after a back-reference
  print(show(("abcdefghijkl"):match("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)")))
  print(show(("((x))"):match("((%()(%()x)")), show(("aa0"):match("(a)%10")), show(("aa0"):find("(a)%1[0]")))
end
