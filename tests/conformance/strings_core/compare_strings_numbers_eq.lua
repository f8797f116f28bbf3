print("1" == 1, "abc" == "abc", "a" .. "b" == "ab")
