local cb
local function run() cb() end
print(pcall(run))
