print(pcall(function() for i = 1, "x" do end end))
print(pcall(function() for i = 1, {} do end end))
