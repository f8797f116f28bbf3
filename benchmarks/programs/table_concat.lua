-- table_concat: table.concat over large arrays of strings and of integers (converted
-- by concat), with and without separators, sub-ranges, and building a document from
-- rows joined with tabs and then with newlines.
-- Stresses: table.concat's loop and buffer, integer-to-string conversion, tostring.
local N = tonumber(arg and arg[1]) or 350000

local parts = {}
for i = 1, N do
  parts[i] = tostring(i)
end

local total = 0
-- 1. whole array, with separator and without
for r = 1, 10 do
  total = total + #table.concat(parts, ",")
end
for r = 1, 5 do
  total = total + #table.concat(parts)
end

-- 2. integers converted by concat
local nums = {}
for i = 1, N do
  nums[i] = i * 3
end
for r = 1, 5 do
  total = total + #table.concat(nums, " ")
end

-- 3. many short sub-ranges
for i = 1, 20000 do
  total = total + #table.concat(parts, "-", i, i + 20)
end

-- 4. rows joined with tabs, then lines with newlines
local lines = {}
for i = 1, N // 10 do
  local row = {}
  for j = 1, 10 do
    row[j] = parts[(i * j) % N + 1]
  end
  lines[i] = table.concat(row, "\t")
end
local doc = table.concat(lines, "\n")
total = total + #doc

print(N .. " " .. total)
