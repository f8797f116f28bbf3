local bytes = {}
for i = 0, 255 do bytes[#bytes + 1] = load("return '\\" .. i .. "'")() end
local s = ""
for i = 1, #bytes do s = s .. bytes[i] end
s = s .. s .. "\r\n\0\26end"
local name = os.tmpname()
local f = io.open(name, "wb")
f:write(s)
f:close()
f = io.open(name, "rb")
local back = f:read("a")
f:close()
print(#s, #back, back == s)
f = io.open(name, "rb")
local parts = {}
while true do
  local chunk = f:read(100)
  if not chunk then break end
  parts[#parts + 1] = chunk
end
f:close()
local joined = ""
for _, p in ipairs(parts) do joined = joined .. p end
print(#parts, joined == s)
os.remove(name)
