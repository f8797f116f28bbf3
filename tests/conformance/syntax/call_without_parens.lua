local function id(x) return x end
print(id"str", id{1, 2}[2], #id[[ab]])
