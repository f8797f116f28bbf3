local o = {flag = true}
print(pcall(function() return o.flag << 1 end))
