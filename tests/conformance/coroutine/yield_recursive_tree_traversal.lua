local tree = {value = 4,
  left = {value = 2, left = {value = 1}, right = {value = 3}},
  right = {value = 6, left = {value = 5}, right = {value = 7}}}
local function walk(node)
  if node then
    walk(node.left)
    coroutine.yield(node.value)
    walk(node.right)
  end
end
local out = {}
for v in coroutine.wrap(function() walk(tree) end) do out[#out + 1] = v end
print(table.concat(out, " "))
