local text = string.rep("the quick brown fox jumps over the lazy dog\n", 50000)
print(#text)
local _, words = text:gsub("%a+", "")
print(words)
local cnt = 0
for _ in text:gmatch("fox") do cnt = cnt + 1 end
print(cnt, text:find("dog\n", -100), text:find("cat"))
print(select(2, text:gsub("\n", "\n")))
