-- binary_trees: allocation-heavy recursive tree building and walking.
-- Stresses: small-table allocation (constructor with array part),
-- garbage collection of many short-lived objects alongside one
-- long-lived structure, recursion.
local MAX_DEPTH = tonumber(arg and arg[1]) or 15
local MIN_DEPTH = 4

-- A node is { left, right, value }; leaves have no children.
local function build(depth, value)
  if depth == 0 then
    return { false, false, value }
  end
  return { build(depth - 1, value * 2), build(depth - 1, value * 2 + 1), value }
end

-- returns node count and a checksum of the values (mod a prime)
local function walk(node)
  local left = node[1]
  if not left then
    return 1, node[3] % 65521
  end
  local lc, ls = walk(left)
  local rc, rs = walk(node[2])
  return lc + rc + 1, (ls + rs + node[3]) % 65521
end

-- the long-lived tree survives all the temporary ones
local keep = build(MAX_DEPTH, 1)

local total_nodes, total_sum = 0, 0
for depth = MIN_DEPTH, MAX_DEPTH, 2 do
  local iterations = 2 ^ (MAX_DEPTH - depth + MIN_DEPTH)
  local nodes, sum = 0, 0
  for i = 1, iterations do
    local c, s = walk(build(depth, i))
    nodes = nodes + c
    sum = (sum + s) % 65521
  end
  total_nodes = total_nodes + nodes
  total_sum = (total_sum + sum) % 65521
end

local kc, ks = walk(keep)
print(string.format("%d %d %d %d", total_nodes, total_sum, kc, ks))
