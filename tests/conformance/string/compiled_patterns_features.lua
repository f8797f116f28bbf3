-- Each pattern runs more than four times, so assay compiles it (lpcompile.ts) after the
-- first uses: every line must read the same from the interpreted and the compiled matcher.
local function show(...)
  local t = {}
  for i = 1, select("#", ...) do t[#t + 1] = tostring((select(i, ...))) end
  return table.concat(t, " ")
end
local function each(label, f)
  local first
  for i = 1, 6 do
    local r = show(f())
    if i == 1 then first = r elseif r ~= first then print(label, "CHANGED", first, r) end
  end
  print(label, first)
end
local s = "key_12 = call(3, (4 + 5)) -- alpha beta END"
each("anchored", function() return s:match("^(%a+)_(%d+)%s*=%s*(.-)%s*%-%-") end)
each("anchor literal", function() return ("^a^b"):find("^^a") end)
each("dollar end", function() return s:find("END$") end)
each("dollar middle", function() return ("a$b"):find("a$b") end)
each("frontier", function() return s:find("%f[%a]%a+%f[%A]", 20) end)
each("frontier end", function() return ("abc"):find("%f[%z]") end)
each("frontier start", function() return ("abc"):find("%f[%a]") end)
each("balance", function() return s:match("%b()") end)
each("balance same", function() return ("x'a'b'"):match("%b''") end)
each("balance open", function() return ("((a)"):find("%b()") end)
each("positions", function() return ("hello"):find("()l+()") end)
each("position only", function() return ("abc"):match("()") end)
each("backref", function() return ("abcabc xyxy"):match("(%a+)%1") end)
each("backref pos", function() return ("aa"):find("()%1") end)
each("nested", function() return ("[ab(cd)]"):match("((%a+)%((%a+)%))") end)
each("lazy", function() return ("<a><b>"):match("<(.-)>") end)
each("greedy", function() return ("<a><b>"):match("<(.*)>") end)
each("optional", function() return ("color colour"):gsub("colou?r", "C") end)
each("set ranges", function() return ("a-z_09]"):gsub("[%]%-_0-9]", ".") end)
each("negated set", function() return ("a1b2c3"):gsub("[^%d]", "") end)
each("high bytes", function() return ("\200\201a\255"):gsub("[\200-\255]+", "#") end)
each("zero byte", function() return ("a\0b\0c"):gsub("%z", "0") end)
each("dot star empty", function() return ("abc"):gsub(".-", "-") end)
each("star empty", function() return ("abc"):gsub("x*", "-") end)
each("greedy run", function() return ("alpha key_12 beta_x gamma_7"):gsub("(%w+)_(%d+)", "%2_%1") end)
each("greedy run fail", function() return (string.rep("a", 50) .. "b"):find("a+c") end)
each("greedy star run", function() return ("xxxyxxz"):find("x*z") end)
each("greedy capture run", function() return ("aaab aac"):find("(a+)c") end)
each("number", function() return ("v 12.5 3"):find("(%d+%.%d+)") end)
each("init", function() return ("abcabc"):find("b", 3) end)
each("init neg", function() return ("abcabc"):find("()c", -2) end)
each("init past", function() return ("abc"):find("", 10) end)
each("init end", function() return ("abc"):find("", 4) end)
each("many caps", function() return ("abcdefghij"):match("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)") end)
