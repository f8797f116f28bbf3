local s = ("ab"):rep(1 << 62)
