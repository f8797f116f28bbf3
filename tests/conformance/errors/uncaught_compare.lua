local function check(a, b) return a < b end
check({}, 1)
