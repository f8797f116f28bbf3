print(pcall(function() for i = 1, 2, "s" do end end))
print(pcall(function() for i = 1, 2, nil do end end))
