-- string_patterns: Lua pattern matching over a large generated text.
-- Stresses: gmatch over lines and words, find with captures and init, match with
-- anchors and several captures, gsub with string / table / function replacements,
-- %b and %f, character classes, sets and repetitions (* + - ?).
local N = tonumber(arg and arg[1]) or 72000

-- deterministic pseudo-random numbers (Park-Miller; products stay below 2^53)
local seed = 42
local function rnd(n)
  seed = (seed * 16807) % 2147483647
  return seed % n
end

local words = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
  "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau" }

-- build the text: lines like `key_12 = value(3, 4) -- gamma delta 2.5e3 [x]`
local lines = {}
for i = 1, N do
  local parts = {}
  parts[#parts + 1] = "key_" .. i .. " = "
  local k = rnd(4)
  if k == 0 then
    parts[#parts + 1] = "call(" .. rnd(100) .. ", (" .. rnd(10) .. " + " .. rnd(10) .. "))"
  elseif k == 1 then
    parts[#parts + 1] = '"' .. words[rnd(#words) + 1] .. " " .. words[rnd(#words) + 1] .. '"'
  elseif k == 2 then
    parts[#parts + 1] = tostring(rnd(100000) / 8)
  else
    parts[#parts + 1] = "{" .. rnd(50) .. ", " .. rnd(50) .. ", " .. rnd(50) .. "}"
  end
  parts[#parts + 1] = " -- "
  for j = 1, 3 + rnd(5) do parts[#parts + 1] = words[rnd(#words) + 1] .. " " end
  parts[#parts + 1] = "END"
  lines[#lines + 1] = table.concat(parts)
end
local text = table.concat(lines, "\n")

local h = 0
local function mix(v) h = (h * 31 + v) % 1000000007 end

-- 1. lines and key/value captures
local nkeys = 0
for line in text:gmatch("[^\n]+") do
  local key, num, rest = line:match("^(%a+)_(%d+)%s*=%s*(.-)%s*%-%-")
  if key then
    nkeys = nkeys + 1
    mix(#rest + tonumber(num) % 97)
  end
end
mix(nkeys)

-- 2. word frequencies with gmatch and a frontier pattern
local freq = {}
for w in text:gmatch("%f[%a]%a+%f[%A]") do freq[w] = (freq[w] or 0) + 1 end
for _, w in ipairs(words) do mix(freq[w] or 0) end

-- 3. gsub with a function, a table and a string replacement
local t1, n1 = text:gsub("%d+", function(d) return #d end)
mix(#t1 + n1)
local t2, n2 = text:gsub("%a+", { alpha = "A", beta = "B", gamma = false })
mix(#t2 + n2)
local t3, n3 = text:gsub("(%w+)_(%d+)", "%2_%1")
mix(#t3 + n3)

-- 4. balanced parentheses and quoted strings
local nb = 0
for b in text:gmatch("%b()") do nb = nb + #b end
mix(nb)
local nq = 0
for q in text:gmatch('"([^"]*)"') do nq = nq + #q end
mix(nq)

-- 5. find with captures, init and plain search, walking the text
local pos, nf = 1, 0
while true do
  local s, e, a = text:find("(%d+%.%d+)", pos)
  if not s then break end
  nf = nf + 1
  mix(#a)
  pos = e + 1
end
mix(nf)
pos, nf = 1, 0
while true do
  local s, e = text:find("END\n", pos, true)
  if not s then break end
  nf = nf + 1
  pos = e + 1
end
mix(nf)

-- 6. backtracking: lazy and greedy repetitions over each line
local lazy = 0
for i = 1, #lines, 3 do
  local a, b = lines[i]:match("^(.-)%s+(%S+)%s+END$")
  if a then lazy = lazy + #a + #b end
  local c = lines[i]:match("^.*=%s*(.*)$")
  if c then lazy = lazy + #c end
end
mix(lazy)

print(#text, nkeys, h)
