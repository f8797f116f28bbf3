-- found by tests/fuzz: next's "invalid key" is raised inside the C function, without position
print(pcall(next, {}, "nope"))
print(pcall(function() return next({}, "nope") end))
print(pcall(function() for k in next, {a = 1}, "zz" do end end))
