-- assay.k8s: readiness (is_ready, per-kind rules of assay.k8s.wait) and waiting (wait_ready,
-- poll), against mock API servers.
local F = dofile(arg[0]:match("^(.*)/") .. "/fixtures.lua")
local k8s = require("assay.k8s")
local wait = require("assay.k8s.wait")

-- is_ready of one object served by a mock (which must be asked exactly once).
local function ready_of(namespace, kind, name, object)
  local path = k8s._resource_path(namespace, kind, name)
  local m, opts = F.server({ ["GET " .. path] = { json = object } })
  local ok = k8s.is_ready(namespace, kind, name, opts)
  assert.eq(m:count("GET " .. path), 1)
  m:close()
  return ok
end

local function cond(status, phase)
  return { conditions = { { type = "Initialized", status = "True" }, { type = "Ready", status = status } }, phase = phase }
end

-- ─── is_ready ─────────────────────────────────────────────────────────────────────────────

test("is_ready: deployment and statefulset need readyReplicas >= replicas > 0", function()
  local function d(status) return F.deployment("web", "api", 3, status) end
  assert.eq(ready_of("web", "deployment", "api", d({ replicas = 3, readyReplicas = 3 })), true)
  assert.eq(ready_of("web", "Deployment", "api", d({ replicas = 3, readyReplicas = 1 })), false)
  assert.eq(ready_of("web", "deployment", "api", d({ replicas = 0, readyReplicas = 0 })), false)
  assert.eq(ready_of("web", "deployment", "api", d(nil)), false)
  local sts = F.object("apps/v1", "StatefulSet", "db", "pg", { status = { replicas = 2, readyReplicas = 2 } })
  assert.eq(ready_of("db", "statefulset", "pg", sts), true)
  sts.status.readyReplicas = 1
  assert.eq(ready_of("db", "statefulset", "pg", sts), false)
end)

test("is_ready: daemonset needs numberReady >= desiredNumberScheduled > 0", function()
  local ds = F.object("apps/v1", "DaemonSet", "kube-system", "cilium", { status = { desiredNumberScheduled = 3, numberReady = 3 } })
  assert.eq(ready_of("kube-system", "daemonset", "cilium", ds), true)
  ds.status.numberReady = 2
  assert.eq(ready_of("kube-system", "daemonset", "cilium", ds), false)
  ds.status = { desiredNumberScheduled = 0, numberReady = 0 }
  assert.eq(ready_of("kube-system", "daemonset", "cilium", ds), false)
end)

test("is_ready: job needs succeeded >= 1", function()
  local job = F.object("batch/v1", "Job", "infra", "migrate", { status = { succeeded = 1, conditions = { { type = "Complete", status = "True" } } } })
  assert.eq(ready_of("infra", "job", "migrate", job), true)
  job.status = { active = 1 }
  assert.eq(ready_of("infra", "job", "migrate", job), false)
end)

test("is_ready: node by its Ready condition only", function()
  assert.eq(ready_of(nil, "node", "n1", F.object("v1", "Node", nil, "n1", { status = cond("True") })), true)
  assert.eq(ready_of(nil, "node", "n1", F.object("v1", "Node", nil, "n1", { status = cond("Unknown") })), false)
  assert.eq(ready_of(nil, "node", "n1", F.object("v1", "Node", nil, "n1", { status = { phase = "Running" } })), false)
end)

test("is_ready: other kinds by the Ready condition when there is one", function()
  assert.eq(ready_of("web", "pod", "w-0", F.pod("web", "w-0", "Running")), true)
  assert.eq(ready_of("web", "pod", "w-0", F.object("v1", "Pod", "web", "w-0", { status = cond("False", "Running") })), false)
  assert.eq(ready_of("web", "ingress", "site", F.object("networking.k8s.io/v1", "Ingress", "web", "site", { status = cond("True") })), true)
end)

test("is_ready: without a Ready condition, phase Active/Running/Bound/Ready", function()
  assert.eq(ready_of("infra", "pvc", "data", F.object("v1", "PersistentVolumeClaim", "infra", "data", { status = { phase = "Bound" } })), true)
  assert.eq(ready_of(nil, "namespace", "prod", F.object("v1", "Namespace", nil, "prod", { status = { phase = "Active" } })), true)
  assert.eq(ready_of(nil, "pv", "pv-1", F.object("v1", "PersistentVolume", nil, "pv-1", { status = { phase = "Available" } })), false)
  assert.eq(ready_of("infra", "pvc", "data", F.object("v1", "PersistentVolumeClaim", "infra", "data", { status = { phase = "Pending" } })), false)
  assert.eq(ready_of("infra", "service", "web", F.object("v1", "Service", "infra", "web")), false)
end)

test("is_ready: HTTP errors are raised", function()
  local m, opts = F.server({ ["GET /apis/apps/v1/namespaces/web/deployments/gone"] = F.status(404, "NotFound", 'deployments.apps "gone" not found') })
  assert.contains(F.error_of(k8s.is_ready, "web", "deployment", "gone", opts), "k8s.get: HTTP 404 /apis/apps/v1/namespaces/web/deployments/gone: ")
  m:close()
end)

test("wait.object_ready: the rules on objects directly", function()
  assert.eq(wait.object_ready("Deployment", { status = { replicas = 1, readyReplicas = 2 } }), true)
  assert.eq(wait.object_ready("Job", {}), false)
  assert.eq(wait.object_ready("Certificate", { status = { conditions = { { type = "Ready", status = "True" } }, phase = "Failed" } }), true)
  assert.eq(wait.object_ready("Widget", { status = { phase = "Ready" } }), true)
end)

-- ─── wait_ready ───────────────────────────────────────────────────────────────────────────

local DEPLOY = "/apis/apps/v1/namespaces/web/deployments/api"

-- Runs fn with wait.INTERVAL set to `interval`.
local function with_interval(interval, fn)
  local saved = wait.INTERVAL
  wait.INTERVAL = interval
  local ok, err = pcall(fn)
  wait.INTERVAL = saved
  if not ok then error(err, 0) end
end

test("wait_ready: true at once when ready (one request, no sleep)", function()
  local m, opts = F.server({ ["GET " .. DEPLOY] = { json = F.deployment("web", "api", 2, { replicas = 2, readyReplicas = 2 }) } })
  local t0 = time()
  assert.eq(k8s.wait_ready("web", "deployment", "api", 10, opts), true)
  assert.lt(time() - t0, 1.5) -- no 2 s sleep
  assert.eq(m:count(), 1)
  m:close()
end)

test("wait_ready: checks every 2 s by default; times out with 'k8s.wait_ready: <kind>/<name> not ready after <t>s'", function()
  assert.eq(wait.INTERVAL, 2)
  local m, opts = F.server({ ["GET " .. DEPLOY] = { json = F.deployment("web", "api", 2, { replicas = 2, readyReplicas = 1 }) } })
  local t0 = time()
  local err = F.error_of(k8s.wait_ready, "web", "deployment", "api", 1, opts)
  local elapsed = time() - t0
  assert.contains(err, "k8s.wait_ready: deployment/api not ready after 1s")
  assert.eq(m:count(), 1)
  assert.gt(elapsed, 1.9)
  assert.lt(elapsed, 6)
  m:close()
end)

test("wait_ready: polls until ready; errors from is_ready count as not ready", function()
  local n = 0
  local m, opts = F.server({ ["GET " .. DEPLOY] = function()
    n = n + 1
    if n == 1 then return F.status(500, "InternalError", "etcdserver: leader changed") end
    if n == 2 then return { json = F.deployment("web", "api", 2, { replicas = 2, readyReplicas = 0 }) } end
    return { json = F.deployment("web", "api", 2, { replicas = 2, readyReplicas = 2 }) }
  end })
  with_interval(0.05, function()
    assert.eq(k8s.wait_ready("web", "deployment", "api", 5, opts), true)
  end)
  assert.eq(m:count(), 3)
  m:close()
end)

test("wait_ready: a kind that never appears (404) times out, the message keeps the kind as given", function()
  local m, opts = F.server({ ["GET /api/v1/namespaces/web/pods/w-0"] = F.status(404, "NotFound", 'pods "w-0" not found') })
  with_interval(0.05, function()
    local err = F.error_of(k8s.wait_ready, "web", "Pod", "w-0", 0.3, opts)
    assert.contains(err, "k8s.wait_ready: Pod/w-0 not ready after 0.3s")
  end)
  assert.gt(m:count(), 2)
  m:close()
end)

test("wait_ready: an unknown kind is swallowed too and ends in the timeout error", function()
  with_interval(0.05, function()
    local err = F.error_of(k8s.wait_ready, "web", "Widget", "w", 0.1, { base_url = "http://127.0.0.1:1", token = "t" })
    assert.contains(err, "k8s.wait_ready: Widget/w not ready after 0.1s")
  end)
end)

test("wait.poll: true when the check passes, false when time runs out", function()
  local calls = 0
  assert.eq(wait.poll(function() calls = calls + 1; return calls == 3 end, 5, 0.01), true)
  assert.eq(calls, 3)
  calls = 0
  assert.eq(wait.poll(function() calls = calls + 1; error("boom") end, 0.1, 0.02), false)
  assert.gt(calls, 1)
  assert.eq(wait.poll(function() return true end, 0, 1), false)
end)
