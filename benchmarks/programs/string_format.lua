-- string_format: building text with string.format.
-- Stresses: %d/%i with widths and flags, %x/%X/%o, %5.2f-style floats, %e and %g,
-- %s with widths and precisions (and __tostring-free values), %q of strings and numbers,
-- %c, %%, and many conversions in one format string.
local N = tonumber(arg and arg[1]) or 225000

local h = 0
local function mix(s)
  -- sample the string so hashing stays cheap
  local n = #s
  h = (h * 31 + n + s:byte(1) + s:byte(n) + s:byte((n + 1) // 2)) % 1000000007
end

local names = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta" }
local total = 0

for i = 1, N do
  local x = i * 0.731 - 17.25
  local name = names[i % #names + 1]
  local s1 = string.format("%5d|%-8s|%8.3f|%x|%X|%o", i, name, x, i * 2654435761 % 4294967296, i, i)
  local s2 = string.format("%+.4e %g %G %.10g", x * 1234.5, x, x / 1e7, i / 7)
  local s3 = string.format("[%10.4s] %3d%% %c%c %-5i|", name, i % 100, 65 + i % 26, 97 + i % 26, -i)
  local s4 = string.format("%q %q", name .. "\n" .. i, i % 3 == 0 and i or i + 0.5)
  local s5 = string.format("%08.2f %#x %#o %.0f %5.1f%%", x, i, i, x, (i % 1000) / 10)
  mix(s1) mix(s2) mix(s3) mix(s4) mix(s5)
  total = total + #s1 + #s2 + #s3 + #s4 + #s5
end

-- one long format string per row of a table
local rows = {}
for i = 1, N // 10 do
  rows[#rows + 1] = string.format("%-6d %-10s %12.4f %12.4e %10d %s",
    i, names[i % #names + 1], i / 3, i * 1e5 / 7, i * i, tostring(i % 2 == 0))
end
local report = table.concat(rows, "\n")
mix(report)

print(total, #report, h)
