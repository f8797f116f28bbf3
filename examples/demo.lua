-- The job assay is made for, end to end, with nothing to install: a Kubernetes-style API
-- (an in-process mock server), a SQLite database in memory, and a report.
--
--   npx assay run examples/demo.lua
--
-- 1. start a small "cluster API" with http.listen (in a real Job this is the Kubernetes API,
--    reached through require("assay.k8s"));
-- 2. list pods from it with http.get, several namespaces at once as tasks;
-- 3. store them in SQLite and ask it questions;
-- 4. print a report, and fail the job (exit 1) when something is unhealthy.

local function pod(ns, name, phase, restarts, image)
  return {
    metadata = { namespace = ns, name = name, labels = { app = name:match("^(.-)%-") } },
    spec = { containers = { { name = "main", image = image } } },
    status = { phase = phase, containerStatuses = { { restartCount = restarts, ready = phase == "Running" } } },
  }
end

local PODS = {
  payments = {
    pod("payments", "api-7f9c", "Running", 0, "registry.local/payments-api:1.4.2"),
    pod("payments", "api-2b1d", "Running", 3, "registry.local/payments-api:1.4.2"),
    pod("payments", "worker-99aa", "CrashLoopBackOff", 27, "registry.local/payments-worker:1.4.1"),
  },
  search = {
    pod("search", "indexer-51c0", "Running", 1, "registry.local/indexer:2.0.0"),
    pod("search", "query-0e4f", "Pending", 0, "registry.local/query:2.0.0"),
  },
  web = {
    pod("web", "frontend-aa01", "Running", 0, "registry.local/frontend:5.1.0"),
  },
}

-- 1. the API: GET /api/v1/namespaces/:ns/pods answers a PodList, as Kubernetes does
local api = http.listen(0, {
  GET = {
    ["/api/v1/namespaces/:ns/pods"] = function(req)
      sleep(0.05) -- a little latency, so the concurrent fetches below show
      local items = PODS[req.params.ns]
      if not items then
        return { status = 404, json = { kind = "Status", status = "Failure", reason = "NotFound" } }
      end
      return { json = { kind = "PodList", apiVersion = "v1", items = items } }
    end,
  },
}, { host = "127.0.0.1" })
local base = "http://127.0.0.1:" .. api.port
log.info("mock API listening", { url = base })

-- 2. fetch every namespace concurrently
local started = time()
local tasks = {}
for _, ns in ipairs({ "payments", "search", "web" }) do
  tasks[ns] = async.spawn(function()
    local r = http.get(base .. "/api/v1/namespaces/" .. ns .. "/pods", { headers = { Authorization = "Bearer demo" } })
    assert.eq(r.status, 200, "listing pods in " .. ns)
    return json.parse(r.body).items
  end)
end

-- 3. into SQLite
local conn = db.connect("sqlite::memory:")
db.execute(conn, [[
  CREATE TABLE pods (
    namespace TEXT NOT NULL, name TEXT NOT NULL, phase TEXT NOT NULL,
    restarts INTEGER NOT NULL, image TEXT NOT NULL,
    PRIMARY KEY (namespace, name)
  )]])
local fetched = 0
db.transaction(conn, function()
  for ns, task in pairs(tasks) do
    for _, p in ipairs(task:await()[1]) do
      db.execute(conn, "INSERT INTO pods VALUES (?, ?, ?, ?, ?)", {
        ns, p.metadata.name, p.status.phase, p.status.containerStatuses[1].restartCount, p.spec.containers[1].image,
      })
      fetched = fetched + 1
    end
  end
end)
log.info("pods stored", { count = fetched, seconds = string.format("%.2f", time() - started) })

-- 4. the report
print(string.format("%-10s %5s %8s %9s", "NAMESPACE", "PODS", "RUNNING", "RESTARTS"))
for _, row in ipairs(db.query(conn, [[
    SELECT namespace, COUNT(*) AS pods,
           SUM(phase = 'Running') AS running, SUM(restarts) AS restarts
    FROM pods GROUP BY namespace ORDER BY namespace]])) do
  print(string.format("%-10s %5d %8d %9d", row.namespace, row.pods, row.running, row.restarts))
end

local unhealthy = db.query(conn, "SELECT namespace, name, phase, restarts FROM pods WHERE phase <> 'Running' OR restarts > ? ORDER BY namespace, name", { 5 })
print()
print(yaml.encode({ unhealthy = unhealthy }))

db.close(conn)
api.close()

if #unhealthy > 0 then
  log.warn("unhealthy pods found", { count = #unhealthy })
  -- a Job would fail here so that Kubernetes reports it: os.exit(1)
end
