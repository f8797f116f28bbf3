print(("f(a) g(b(c)) h()"):gsub("%b()", "()"))
for b in ("{1}{2{3}}{}"):gmatch("%b{}") do io.write(b, ";") end
print()
