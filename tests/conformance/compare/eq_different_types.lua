print(1 == "1", "1" == 1, nil == false, 0 == false)
print({} == {}, "a" == "a")
local t = {}
print(t == t, t ~= {})
