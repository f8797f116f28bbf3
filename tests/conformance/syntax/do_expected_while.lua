while true print("x") end
