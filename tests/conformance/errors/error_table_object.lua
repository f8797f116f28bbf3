local ok, e = pcall(function() error({code = 1, msg = "bad"}) end)
print(ok, type(e), e.code, e.msg)
