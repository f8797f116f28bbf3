local function count(...) local t = {...}; return #t end
print(count(1, 2, 3), count())
