-- string_building: string creation and number formatting.
-- Stresses: `..` concatenation (including repeated appends to a growing
-- string), tostring() of integers and non-integral floats, table.concat,
-- string.rep/sub/byte, string interning of many short strings.
local N = tonumber(arg and arg[1]) or 300000

-- cheap rolling hash over a string, sampled to keep it fast
local function hash(s, h)
  local len = #s
  local step = len > 64 and math.floor(len / 64) or 1
  for i = 1, len, step do
    h = (h * 33 + s:byte(i)) % 16777213
  end
  return (h + len) % 16777213
end

local h = 5381

-- 1. repeated appends with `..` to a line that is flushed every 40 pieces
local line = ""
local total_len = 0
for i = 1, N do
  line = line .. tostring(i) .. ","
  if i % 40 == 0 then
    total_len = total_len + #line
    h = hash(line, h)
    line = ""
  end
end

-- 2. build pieces into a table, then table.concat with a separator
local parts = {}
for i = 1, N do
  -- i + 0.25 is never integral, so tostring agrees across Lua versions
  parts[#parts + 1] = "item" .. i .. "=" .. tostring(i + 0.25)
end
local joined = table.concat(parts, ";")
total_len = total_len + #joined
h = hash(joined, h)

-- 3. many small strings built from formatted numbers
local count = 0
for i = 1, N do
  local s = string.format("%05d", i % 100000) .. "-" .. (i * 7) % 1000
  if s:sub(1, 1) == "0" then count = count + 1 end
  total_len = total_len + #s
end

-- 4. a multi-level concat expression in a loop (a .. b .. c .. d .. e)
local acc = {}
for i = 1, N / 4 do
  acc[#acc + 1] = "<" .. i .. ":" .. (i % 7) .. ":" .. string.rep("x", i % 5) .. ">"
end
local big = table.concat(acc)
total_len = total_len + #big
h = hash(big, h)

print(string.format("%d %d %d", total_len, count, h))
