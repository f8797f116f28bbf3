-- The original assay's own k8s tests (tests/stdlib_k8s.rs at v0.4.0), ported: the same
-- mocked answers and the same Lua, so what passed there passes here.
local mock = require("assay.testing.mock")
local k8s = require("assay.k8s")

-- Starts a mock with one route and returns it with the opts the upstream tests used.
local function serve(route, response)
  local m = mock.server({ [route] = response })
  return m, { base_url = m.url, token = "fake-token" }
end

test("require exposes get and get_secret", function()
  assert.not_nil(k8s)
  assert.not_nil(k8s.get)
  assert.not_nil(k8s.get_secret)
end)

test("get with base_url", function()
  local m, opts = serve("GET /api/v1/namespaces/default/pods", { json = { kind = "PodList", items = { { metadata = { name = "test-pod" } } } } })
  local pods = k8s.get("/api/v1/namespaces/default/pods", opts)
  assert.eq(pods.kind, "PodList")
  assert.eq(pods.items[1].metadata.name, "test-pod")
  m:close()
end)

test("get_secret", function()
  local m, opts = serve("GET /api/v1/namespaces/infra/secrets/db-creds", { json = { kind = "Secret", data = { username = "YWRtaW4=", password = "c2VjcmV0" } } })
  local secret = k8s.get_secret("infra", "db-creds", opts)
  assert.eq(secret.username, "admin")
  assert.eq(secret.password, "secret")
  m:close()
end)

test("exists true / false", function()
  local m = mock.server({
    ["GET /api/v1/namespaces/infra/secrets/db-creds"] = { json = {} },
    ["GET /api/v1/namespaces/infra/secrets/missing"] = { status = 404, body = "" },
  })
  local opts = { base_url = m.url, token = "fake-token" }
  assert.eq(k8s.exists("infra", "secret", "db-creds", opts), true)
  assert.eq(k8s.exists("infra", "secret", "missing", opts), false)
  m:close()
end)

test("is_ready deployment / not ready", function()
  local ready = 3
  local m, opts = serve("GET /apis/apps/v1/namespaces/infra/deployments/api", function()
    return { json = { status = { replicas = 3, readyReplicas = ready } } }
  end)
  assert.eq(k8s.is_ready("infra", "deployment", "api", opts), true)
  ready = 1
  assert.eq(k8s.is_ready("infra", "deployment", "api", opts), false)
  m:close()
end)

test("is_ready pod", function()
  local m, opts = serve("GET /api/v1/namespaces/infra/pods/worker-0", { json = { status = { conditions = { { type = "Ready", status = "True" } } } } })
  assert.eq(k8s.is_ready("infra", "pod", "worker-0", opts), true)
  m:close()
end)

test("pod_status", function()
  local m, opts = serve("GET /api/v1/namespaces/infra/pods", { json = { items = {
    { status = { phase = "Running" } }, { status = { phase = "Running" } }, { status = { phase = "Pending" } },
  } } })
  local status = k8s.pod_status("infra", opts)
  assert.eq(status.total, 3)
  assert.eq(status.running, 2)
  assert.eq(status.pending, 1)
  assert.eq(status.failed, 0)
  m:close()
end)

test("service_endpoints / empty", function()
  local m = mock.server({
    ["GET /api/v1/namespaces/infra/endpoints/postgres"] = { json = { subsets = { { addresses = { { ip = "10.42.0.5" }, { ip = "10.42.0.6" } } } } } },
    ["GET /api/v1/namespaces/infra/endpoints/broken"] = { body = '{"subsets": []}', headers = { ["content-type"] = "application/json" } },
  })
  local opts = { base_url = m.url, token = "fake-token" }
  local ips = k8s.service_endpoints("infra", "postgres", opts)
  assert.eq(#ips, 2)
  assert.eq(ips[1], "10.42.0.5")
  assert.eq(ips[2], "10.42.0.6")
  assert.eq(#k8s.service_endpoints("infra", "broken", opts), 0)
  m:close()
end)

test("logs", function()
  local m, opts = serve("GET /api/v1/namespaces/infra/pods/api-7b9d4/log", { body = "2026-02-10 INFO started\n2026-02-10 INFO ready\n" })
  opts.tail = 50
  local output = k8s.logs("infra", "api-7b9d4", opts)
  assert.contains(output, "started")
  assert.contains(output, "ready")
  m:close()
end)

test("rollout_status", function()
  local m, opts = serve("GET /apis/apps/v1/namespaces/infra/deployments/api", { json = {
    spec = { replicas = 3 },
    status = { updatedReplicas = 3, readyReplicas = 3, availableReplicas = 3, unavailableReplicas = 0 },
  } })
  local rs = k8s.rollout_status("infra", "api", opts)
  assert.eq(rs.desired, 3)
  assert.eq(rs.ready, 3)
  assert.eq(rs.complete, true)
  m:close()
end)

test("register_crd", function()
  local m, opts = serve("GET /apis/argoproj.io/v1alpha1/namespaces/argocd/applications/traefik", { json = {
    kind = "Application", metadata = { name = "traefik" },
    status = { health = { status = "Healthy" }, sync = { status = "Synced" } },
  } })
  k8s.register_crd("application", "argoproj.io", "v1alpha1", "applications")
  local app = k8s.get_resource("argocd", "application", "traefik", opts)
  assert.eq(app.metadata.name, "traefik")
  assert.eq(app.status.health.status, "Healthy")
  assert.eq(app.status.sync.status, "Synced")
  m:close()
end)

test("list generic", function()
  local m, opts = serve("GET /apis/apps/v1/namespaces/infra/deployments", { json = {
    kind = "DeploymentList", items = { { metadata = { name = "api" } }, { metadata = { name = "worker" } } },
  } })
  local deploys = k8s.list("infra", "deployment", opts)
  assert.eq(#deploys.items, 2)
  assert.eq(deploys.items[1].metadata.name, "api")
  m:close()
end)

test("is_ready generic conditions (ingress) / phase fallback (pvc) / job", function()
  local m = mock.server({
    ["GET /apis/networking.k8s.io/v1/namespaces/infra/ingresses/web"] = { json = { status = { conditions = { { type = "Ready", status = "True" } } } } },
    ["GET /api/v1/namespaces/infra/persistentvolumeclaims/data-vol"] = { json = { status = { phase = "Bound" } } },
    ["GET /apis/batch/v1/namespaces/infra/jobs/migrate"] = { json = { status = { succeeded = 1 } } },
  })
  local opts = { base_url = m.url, token = "fake-token" }
  assert.eq(k8s.is_ready("infra", "ingress", "web", opts), true)
  assert.eq(k8s.is_ready("infra", "pvc", "data-vol", opts), true)
  assert.eq(k8s.is_ready("infra", "job", "migrate", opts), true)
  m:close()
end)

test("node_status", function()
  local m, opts = serve("GET /api/v1/nodes", { json = { items = { {
    metadata = { name = "node-1", labels = { ["node-role.kubernetes.io/control-plane"] = "" } },
    status = {
      conditions = { { type = "Ready", status = "True" } },
      capacity = { cpu = "4", memory = "16Gi" },
      allocatable = { cpu = "3800m", memory = "15Gi" },
    },
  } } } })
  local nodes = k8s.node_status(opts)
  assert.eq(#nodes, 1)
  assert.eq(nodes[1].name, "node-1")
  assert.eq(nodes[1].ready, true)
  assert.eq(nodes[1].roles[1], "control-plane")
  assert.eq(nodes[1].capacity.cpu, "4")
  m:close()
end)

test("events_for", function()
  local m, opts = serve("GET /api/v1/namespaces/infra/events", { json = { items = {
    { reason = "Scheduled", message = "Successfully assigned pod" },
    { reason = "Pulled", message = "Container image pulled" },
  } } })
  local events = k8s.events_for("infra", "Pod", "api-7b9d4", opts)
  assert.eq(#events.items, 2)
  assert.eq(events.items[1].reason, "Scheduled")
  m:close()
end)

test("get_configmap", function()
  local m, opts = serve("GET /api/v1/namespaces/infra/configmaps/gitops-config", { json = {
    kind = "ConfigMap", data = { clusterDomain = "jeebon.xyz", environment = "test" },
  } })
  local cm = k8s.get_configmap("infra", "gitops-config", opts)
  assert.eq(cm.clusterDomain, "jeebon.xyz")
  assert.eq(cm.environment, "test")
  m:close()
end)
