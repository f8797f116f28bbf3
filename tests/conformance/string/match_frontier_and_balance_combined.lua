print(("call f(x, g(y)) end"):match("%f[%w](%w+)(%b())"))
