-- found by tests/fuzz: numeric for with a NaN start, limit or step, and with steps of +-2^63
local function cnt(a, b, c) local n = 0 for i = a, b, c do n = n + 1 if n > 3 then break end end return n end
print(cnt(2, 255, math.mininteger), cnt(2, 0/0, 2^62), cnt(2, 0/0, 0.5), cnt(2, 0/0, -1), cnt(2, 0/0, 1), cnt(2.0, 0/0, -1))
print(cnt(-3, -math.huge, -1), cnt(1, math.huge, 1), cnt(1, 0/0, -0.5), cnt(0/0, 1, 1), cnt(0/0, 1, 1.0), cnt(1, 3, math.maxinteger), cnt(3, 1, math.mininteger))
print(cnt(5, 0/0, -2), cnt(5, 0/0, math.mininteger), cnt(math.mininteger + 1, 0/0, -1), cnt(1, 2, 0/0), cnt(3, 2, 0/0), cnt(1.5, 0/0, -1))
local n = 0 for i = 2, 255, math.mininteger do n = n + 1 if n > 3 then break end end print(n)
for i = 1, 0/0, 0.5 do print("once", i) end
for i = 1, 0/0, -1 do print(i) if i < -1 then break end end
