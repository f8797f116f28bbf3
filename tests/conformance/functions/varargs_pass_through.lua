local function inner(...) return select('#', ...) end
local function outer(...) return inner(...) end
print(outer(nil, nil, nil))
print(outer())
