local s = [=[
[[inner]]
]=]
io.write(s)
print(#[====[]====])
