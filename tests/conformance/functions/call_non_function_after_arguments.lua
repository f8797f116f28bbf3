-- found by tests/fuzz: the arguments are evaluated before calling a non-function fails
print(pcall(function() local r = (1)(f1()) return r end))
print(pcall(function() local x = 5 x(print("argument evaluated")) end))
print(pcall(function() local f = nil; return f(f()) end))
print(pcall(function() local t = {} t.m(print("again")) end))
