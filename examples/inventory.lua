-- A small operations report: parse `kubectl get pods`-style text, group and summarise it.
-- Runs with nothing but assay: `npx assay run examples/inventory.lua`.
local listing = [[
NAMESPACE     NAME                          READY   STATUS             RESTARTS   AGE
payments      api-7d9f8b6c5d-x2k4p          1/1     Running            0          3d
payments      api-7d9f8b6c5d-q8r7t          1/1     Running            2          3d
payments      worker-5c6d7e8f9a-m3n4b       0/1     CrashLoopBackOff   17         1h
search        indexer-0                     2/2     Running            0          12d
search        indexer-1                     1/2     Running            5          12d
ingress       traefik-6b7c8d9e0f-z9y8x      1/1     Running            0          40d
monitoring    prometheus-0                  2/2     Running            1          7d
monitoring    alertmanager-0                1/2     Pending            0          5m
]]

local pods = {}
for line in listing:gmatch("[^\n]+") do
  local ns, name, ready, status, restarts = line:match("^(%S+)%s+(%S+)%s+(%d+)/%d+%s+(%S+)%s+(%d+)")
  if ns then
    local want = tonumber(line:match("%d+/(%d+)"))
    pods[#pods + 1] = {
      namespace = ns, name = name, status = status,
      ready = tonumber(ready) == want, restarts = tonumber(restarts),
    }
  end
end

-- group by namespace
local byNs, names = {}, {}
for _, p in ipairs(pods) do
  local g = byNs[p.namespace]
  if not g then
    g = { total = 0, ready = 0, restarts = 0, problems = {} }
    byNs[p.namespace] = g
    names[#names + 1] = p.namespace
  end
  g.total = g.total + 1
  g.restarts = g.restarts + p.restarts
  if p.ready then g.ready = g.ready + 1 else g.problems[#g.problems + 1] = p end
end
table.sort(names)

print(string.format("%-12s %7s %9s  %s", "NAMESPACE", "READY", "RESTARTS", "PROBLEMS"))
local unhealthy = 0
for _, ns in ipairs(names) do
  local g = byNs[ns]
  local problems = {}
  for _, p in ipairs(g.problems) do
    problems[#problems + 1] = string.format("%s (%s)", p.name, p.status)
    unhealthy = unhealthy + 1
  end
  print(string.format("%-12s %3d/%-3d %9d  %s", ns, g.ready, g.total, g.restarts,
    #problems > 0 and table.concat(problems, ", ") or "-"))
end
print(string.format("\n%d pods, %d not ready, health %.1f%%", #pods, unhealthy, 100 * (#pods - unhealthy) / #pods))
