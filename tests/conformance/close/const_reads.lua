local a <const> = 10
local s <const> = "text"
local t <const> = {1, 2}
t[1] = 100
print(a * 2, s .. "!", t[1])
