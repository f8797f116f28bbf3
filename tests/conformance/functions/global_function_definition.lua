function globalfn(a) return a * 2 end
print(globalfn(4), type(_G.globalfn))
