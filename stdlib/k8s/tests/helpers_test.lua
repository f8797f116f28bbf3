-- assay.k8s: the convenience functions (secrets, configmaps, pods, events, endpoints, logs,
-- rollouts, nodes), against mock API servers.
local F = dofile(arg[0]:match("^(.*)/") .. "/fixtures.lua")
local k8s = require("assay.k8s")

-- ─── get_secret / get_configmap ───────────────────────────────────────────────────────────

test("get_secret: every data value base64-decoded; stringData ignored", function()
  local path = "/api/v1/namespaces/infra/secrets/db-creds"
  local m, opts = F.server({ ["GET " .. path] = { json = F.object("v1", "Secret", "infra", "db-creds", {
    type = "Opaque",
    data = { username = "YWRtaW4=", password = "czNjcjN0IQ==", empty = "" },
    stringData = { ignored = "x" },
  }) } })
  local s = k8s.get_secret("infra", "db-creds", opts)
  assert.eq(s.username, "admin")
  assert.eq(s.password, "s3cr3t!")
  assert.eq(s.empty, "")
  assert.eq(s.ignored, nil)
  assert.eq(m:last().path, path)
  assert.eq(m:last().headers.authorization, "Bearer test-token")
  m:close()
end)

test("get_secret: binary values survive decoding", function()
  local m, opts = F.server({ ["GET /api/v1/namespaces/infra/secrets/tls"] = { json = F.object("v1", "Secret", "infra", "tls", {
    data = { ["ca.der"] = base64.encode("\0\1\2\255") },
  }) } })
  assert.eq(k8s.get_secret("infra", "tls", opts)["ca.der"], "\0\1\2\255")
  m:close()
end)

test("get_secret: {} when the Secret has no data; 404 raises as k8s.get", function()
  local m, opts = F.server({
    ["GET /api/v1/namespaces/infra/secrets/empty"] = { json = F.object("v1", "Secret", "infra", "empty", { type = "Opaque" }) },
    ["GET /api/v1/namespaces/infra/secrets/gone"] = F.status(404, "NotFound", 'secrets "gone" not found'),
  })
  assert.eq(next(k8s.get_secret("infra", "empty", opts)), nil)
  assert.contains(F.error_of(k8s.get_secret, "infra", "gone", opts), "k8s.get: HTTP 404 /api/v1/namespaces/infra/secrets/gone: ")
  m:close()
end)

test("get_configmap: the data table, {} without data; 404 raises", function()
  local m, opts = F.server({
    ["GET /api/v1/namespaces/infra/configmaps/gitops-config"] = { json = F.object("v1", "ConfigMap", "infra", "gitops-config", {
      data = { clusterDomain = "example.org", environment = "test" },
    }) },
    ["GET /api/v1/namespaces/infra/configmaps/bare"] = { json = F.object("v1", "ConfigMap", "infra", "bare") },
    ["GET /api/v1/namespaces/infra/configmaps/gone"] = F.status(404, "NotFound", 'configmaps "gone" not found'),
  })
  local cm = k8s.get_configmap("infra", "gitops-config", opts)
  assert.eq(cm.clusterDomain, "example.org")
  assert.eq(cm.environment, "test")
  assert.eq(next(k8s.get_configmap("infra", "bare", opts)), nil)
  assert.contains(F.error_of(k8s.get_configmap, "infra", "gone", opts), "k8s.get: HTTP 404 ")
  m:close()
end)

-- ─── list_pods / list_events / pod_status ─────────────────────────────────────────────────

test("list_pods: the PodList, selectors passed through", function()
  local m, opts = F.server({ ["GET /api/v1/namespaces/web/pods"] = { json = F.list("v1", "Pod", {
    F.pod("web", "web-1", "Running"), F.pod("web", "web-2", "Pending"),
  }) } })
  opts.label_selector = "app=web"
  local pods = k8s.list_pods("web", opts)
  assert.eq(pods.kind, "PodList")
  assert.eq(#pods.items, 2)
  assert.eq(pods.items[1].status.phase, "Running")
  assert.eq(m:last().query, "labelSelector=app=web")
  m:close()
end)

test("list_events: the EventList of a namespace", function()
  local m, opts = F.server({ ["GET /api/v1/namespaces/web/events"] = { json = F.list("v1", "Event", {
    F.object("v1", "Event", "web", "web-1.17a", { reason = "Scheduled", type = "Normal" }),
  }) } })
  opts.field_selector = "type=Warning"
  local events = k8s.list_events("web", opts)
  assert.eq(events.items[1].reason, "Scheduled")
  assert.eq(m:last().query, "fieldSelector=type=Warning")
  m:close()
end)

test("list_pods / list_events: errors raise as k8s.get", function()
  local m, opts = F.server({
    ["GET /api/v1/namespaces/web/pods"] = F.status(403, "Forbidden", "pods is forbidden"),
    ["GET /api/v1/namespaces/web/events"] = F.status(500, "InternalError", "etcdserver: request timed out"),
  })
  assert.contains(F.error_of(k8s.list_pods, "web", opts), "k8s.get: HTTP 403 /api/v1/namespaces/web/pods: ")
  assert.contains(F.error_of(k8s.list_events, "web", opts), "k8s.get: HTTP 500 /api/v1/namespaces/web/events: ")
  m:close()
end)

test("pod_status: counts phases; missing or unknown phases count as unknown", function()
  local odd = F.pod("web", "odd", "Evicted")
  local none = F.object("v1", "Pod", "web", "none", { status = {} })
  local bare = F.object("v1", "Pod", "web", "bare")
  local m, opts = F.server({ ["GET /api/v1/namespaces/web/pods"] = { json = F.list("v1", "Pod", {
    F.pod("web", "a", "Running"), F.pod("web", "b", "Running"), F.pod("web", "c", "Pending"),
    F.pod("web", "d", "Succeeded"), F.pod("web", "e", "Failed"), F.pod("web", "f", "Unknown"),
    odd, none, bare,
  }) } })
  local c = k8s.pod_status("web", opts)
  assert.eq(c.running, 2)
  assert.eq(c.pending, 1)
  assert.eq(c.succeeded, 1)
  assert.eq(c.failed, 1)
  assert.eq(c.unknown, 4)
  assert.eq(c.total, 9)
  m:close()
end)

test("pod_status: all zero for an empty list; selectors passed; errors raise", function()
  local m, opts = F.server({
    ["GET /api/v1/namespaces/web/pods"] = { json = F.list("v1", "Pod", {}) },
    ["GET /api/v1/namespaces/gone/pods"] = F.status(404, "NotFound", 'namespaces "gone" not found'),
  })
  opts.label_selector = "app=web"
  local c = k8s.pod_status("web", opts)
  assert.eq(c.total + c.running + c.pending + c.succeeded + c.failed + c.unknown, 0)
  assert.eq(m:last().query, "labelSelector=app=web")
  assert.contains(F.error_of(k8s.pod_status, "gone", opts), "k8s.get: HTTP 404 ")
  m:close()
end)

-- ─── service_endpoints / logs ─────────────────────────────────────────────────────────────

test("service_endpoints: the ready addresses' IPs of every subset", function()
  local m, opts = F.server({ ["GET /api/v1/namespaces/infra/endpoints/postgres"] = { json = F.object("v1", "Endpoints", "infra", "postgres", {
    subsets = {
      { addresses = { { ip = "10.42.0.5", nodeName = "n1" }, { ip = "10.42.0.6" } }, ports = { { port = 5432 } } },
      { addresses = { { ip = "10.42.1.7" } }, notReadyAddresses = { { ip = "10.42.1.8" } } },
      { notReadyAddresses = { { ip = "10.42.2.9" } } },
    },
  }) } })
  local ips = k8s.service_endpoints("infra", "postgres", opts)
  assert.eq(#ips, 3)
  assert.eq(table.concat(ips, ","), "10.42.0.5,10.42.0.6,10.42.1.7")
  m:close()
end)

test("service_endpoints: {} without subsets; 404 raises", function()
  local m, opts = F.server({
    ["GET /api/v1/namespaces/infra/endpoints/broken"] = { json = F.object("v1", "Endpoints", "infra", "broken") },
    ["GET /api/v1/namespaces/infra/endpoints/gone"] = F.status(404, "NotFound", 'endpoints "gone" not found'),
  })
  assert.eq(#k8s.service_endpoints("infra", "broken", opts), 0)
  assert.contains(F.error_of(k8s.service_endpoints, "infra", "gone", opts), "k8s.get: HTTP 404 /api/v1/namespaces/infra/endpoints/gone: ")
  m:close()
end)

test("logs: the raw text body; no query without options", function()
  local path = "/api/v1/namespaces/infra/pods/api-7b9d4/log"
  local text = "2026-02-10T10:00:00Z INFO started\n2026-02-10T10:00:01Z INFO ready\n"
  local m, opts = F.server({ ["GET " .. path] = { body = text, headers = { ["content-type"] = "text/plain" } } })
  assert.eq(k8s.logs("infra", "api-7b9d4", opts), text)
  assert.eq(m:last().query, "")
  assert.eq(m:last().headers.authorization, "Bearer test-token")
  m:close()
end)

test("logs: tailLines, container, previous, sinceSeconds in that order", function()
  local m, opts = F.server({ ["GET /api/v1/namespaces/infra/pods/api-7b9d4/log"] = { body = "x\n" } })
  opts.tail, opts.container, opts.previous, opts.since = 50, "sidecar", true, 300
  k8s.logs("infra", "api-7b9d4", opts)
  assert.eq(m:last().query, "tailLines=50&container=sidecar&previous=true&sinceSeconds=300")
  k8s.logs("infra", "api-7b9d4", { base_url = m.url, token = "t", since = 60, previous = false })
  assert.eq(m:last().query, "sinceSeconds=60")
  m:close()
end)

test("logs: non-200 raises 'k8s.logs: HTTP <status> <path>: <body>'", function()
  local m, opts = F.server({ ["GET /api/v1/namespaces/infra/pods/api-7b9d4/log"] = F.status(400, "BadRequest",
    'previous terminated container "app" in pod "api-7b9d4" not found') })
  opts.previous = true
  local err = F.error_of(k8s.logs, "infra", "api-7b9d4", opts)
  assert.contains(err, "k8s.logs: HTTP 400 /api/v1/namespaces/infra/pods/api-7b9d4/log?previous=true: ")
  assert.contains(err, "previous terminated container")
  m:close()
end)

-- ─── rollout_status / node_status / events_for ────────────────────────────────────────────

test("rollout_status: counts from spec and status; complete when updated = ready = desired", function()
  local m, opts = F.server({ ["GET /apis/apps/v1/namespaces/infra/deployments/api"] = { json = F.deployment("infra", "api", 3, {
    replicas = 3, updatedReplicas = 3, readyReplicas = 3, availableReplicas = 3, observedGeneration = 7,
  }) } })
  local rs = k8s.rollout_status("infra", "api", opts)
  assert.eq(rs.desired, 3)
  assert.eq(rs.updated, 3)
  assert.eq(rs.ready, 3)
  assert.eq(rs.available, 3)
  assert.eq(rs.unavailable, 0)
  assert.eq(rs.complete, true)
  m:close()
end)

test("rollout_status: mid-rollout is not complete; missing counts are 0; 404 raises", function()
  local m, opts = F.server({
    ["GET /apis/apps/v1/namespaces/infra/deployments/api"] = { json = F.deployment("infra", "api", 4, {
      updatedReplicas = 2, readyReplicas = 3, availableReplicas = 3, unavailableReplicas = 1,
    }) },
    ["GET /apis/apps/v1/namespaces/infra/deployments/new"] = { json = F.object("apps/v1", "Deployment", "infra", "new") },
    ["GET /apis/apps/v1/namespaces/infra/deployments/gone"] = F.status(404, "NotFound", 'deployments.apps "gone" not found'),
  })
  local rs = k8s.rollout_status("infra", "api", opts)
  assert.eq(rs.updated, 2)
  assert.eq(rs.unavailable, 1)
  assert.eq(rs.complete, false)
  local fresh = k8s.rollout_status("infra", "new", opts)
  assert.eq(fresh.desired + fresh.updated + fresh.ready + fresh.available + fresh.unavailable, 0)
  assert.eq(fresh.complete, true) -- 0 == 0, as in v0.4
  assert.contains(F.error_of(k8s.rollout_status, "infra", "gone", opts), "k8s.get: HTTP 404 ")
  m:close()
end)

test("node_status: name, Ready, roles from node-role labels, capacity, allocatable", function()
  local function node(name, labels, ready, capacity)
    return F.object("v1", "Node", nil, name, {
      metadata = { name = name, labels = labels },
      status = {
        conditions = {
          { type = "MemoryPressure", status = "False" },
          { type = "Ready", status = ready },
        },
        capacity = capacity,
        allocatable = capacity and { cpu = "3800m", memory = "15Gi" },
      },
    })
  end
  local m, opts = F.server({ ["GET /api/v1/nodes"] = { json = F.list("v1", "Node", {
    node("cp-1", { ["kubernetes.io/hostname"] = "cp-1", ["node-role.kubernetes.io/control-plane"] = "",
      ["node-role.kubernetes.io/etcd"] = "true" }, "True", { cpu = "4", memory = "16Gi" }),
    node("worker-1", { ["kubernetes.io/os"] = "linux" }, "Unknown"),
  }) } })
  local nodes = k8s.node_status(opts)
  assert.eq(#nodes, 2)
  assert.eq(nodes[1].name, "cp-1")
  assert.eq(nodes[1].ready, true)
  assert.eq(table.concat(nodes[1].roles, ","), "control-plane,etcd")
  assert.eq(nodes[1].capacity.cpu, "4")
  assert.eq(nodes[1].allocatable.cpu, "3800m")
  assert.eq(nodes[2].ready, false)
  assert.eq(#nodes[2].roles, 0)
  assert.eq(next(nodes[2].capacity), nil)
  assert.eq(next(nodes[2].allocatable), nil)
  assert.eq(m:last().path, "/api/v1/nodes")
  m:close()
end)

test("node_status: 403 raises as k8s.get", function()
  local m, opts = F.server({ ["GET /api/v1/nodes"] = F.status(403, "Forbidden", "nodes is forbidden") })
  assert.contains(F.error_of(k8s.node_status, opts), "k8s.get: HTTP 403 /api/v1/nodes: ")
  m:close()
end)

test("events_for: field selector on involvedObject kind and name; only base_url/token forwarded", function()
  local m, opts = F.server({ ["GET /api/v1/namespaces/infra/events"] = { json = F.list("v1", "Event", {
    F.object("v1", "Event", "infra", "api.1", { reason = "Scheduled", message = "Successfully assigned infra/api-7b9d4 to n1" }),
    F.object("v1", "Event", "infra", "api.2", { reason = "Pulled", message = "Container image pulled" }),
  }) } })
  opts.label_selector, opts.limit = "ignored=yes", 1 -- not forwarded
  local events = k8s.events_for("infra", "Pod", "api-7b9d4", opts)
  assert.eq(#events.items, 2)
  assert.eq(events.items[1].reason, "Scheduled")
  local req = m:last()
  assert.eq(req.query, "fieldSelector=involvedObject.kind=Pod,involvedObject.name=api-7b9d4")
  assert.eq(req.headers.authorization, "Bearer test-token")
  m:close()
end)

test("events_for: errors raise as k8s.get", function()
  local m, opts = F.server({ ["GET /api/v1/namespaces/infra/events"] = F.status(403, "Forbidden", "events is forbidden") })
  assert.contains(F.error_of(k8s.events_for, "infra", "Pod", "api", opts),
    "k8s.get: HTTP 403 /api/v1/namespaces/infra/events?fieldSelector=involvedObject.kind=Pod,involvedObject.name=api: ")
  m:close()
end)
