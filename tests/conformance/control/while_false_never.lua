while false do print("never") end
while nil do print("never") end
print("ok")
