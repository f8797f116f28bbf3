if true print("x") end
