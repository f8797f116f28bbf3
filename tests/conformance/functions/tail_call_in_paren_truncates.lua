local function many() return 1, 2, 3 end
local function notail() return (many()) end
print(notail())
