-- assay.k8s: the raw API calls (get/post/put/patch/delete) and the connection (in-cluster
-- base URL, service-account token, CA client), against mock API servers.
local F = dofile(arg[0]:match("^(.*)/") .. "/fixtures.lua")
local k8s = require("assay.k8s")

local DEPLOY = "/apis/apps/v1/namespaces/default/deployments/web"
local DEPLOYS = "/apis/apps/v1/namespaces/default/deployments"

-- Tests below set these; every test starts outside a cluster.
local function leave_cluster()
  env.set("KUBERNETES_SERVICE_HOST", nil)
  env.set("KUBERNETES_SERVICE_PORT", nil)
end

-- A port nothing listens on (a mock's, once closed).
local function free_port()
  local m = F.server({})
  local port = m.port
  m:close()
  return port
end

-- ─── get ──────────────────────────────────────────────────────────────────────────────────

test("get: GETs base_url..path with the bearer token and returns the decoded JSON", function()
  local m, opts = F.server({ ["GET " .. DEPLOY] = { json = F.deployment("default", "web", 3, { readyReplicas = 3 }) } })
  local d = k8s.get(DEPLOY, opts)
  assert.eq(d.kind, "Deployment")
  assert.eq(d.metadata.name, "web")
  assert.eq(d.spec.replicas, 3)
  local req = m:last()
  assert.eq(req.method, "GET")
  assert.eq(req.path, DEPLOY)
  assert.eq(req.query, "")
  assert.eq(req.headers.authorization, "Bearer test-token")
  assert.eq(req.headers["content-type"], nil)
  assert.eq(req.body, "")
  assert.eq(#m:unmatched(), 0)
  m:close()
end)

test("get: a query in the path is sent as given", function()
  local m, opts = F.server({ ["GET " .. DEPLOYS] = { json = F.list("apps/v1", "Deployment", {}) } })
  local list = k8s.get(DEPLOYS .. "?labelSelector=app=web&limit=1", opts)
  assert.eq(list.kind, "DeploymentList")
  assert.eq(m:last().query, "labelSelector=app=web&limit=1")
  m:close()
end)

test("get: a 404 Status raises 'k8s.get: HTTP 404 <path>: <body>'", function()
  local m, opts = F.server({ ["GET " .. DEPLOY] = F.status(404, "NotFound", 'deployments.apps "web" not found') })
  local err = F.error_of(k8s.get, DEPLOY, opts)
  assert.contains(err, "k8s.get: HTTP 404 " .. DEPLOY .. ": {")
  assert.contains(err, '"reason":"NotFound"')
  assert.contains(err, 'deployments.apps \\"web\\" not found')
  m:close()
end)

test("get: only 200 is success (202 raises), 403 Forbidden raises", function()
  local m, opts = F.server({
    ["GET /api/v1/namespaces"] = { status = 202, body = "{}" },
    ["GET /api/v1/nodes"] = F.status(403, "Forbidden", 'nodes is forbidden: User "system:serviceaccount:default:app" cannot list resource "nodes"'),
  })
  assert.contains(F.error_of(k8s.get, "/api/v1/namespaces", opts), "k8s.get: HTTP 202 /api/v1/namespaces: {}")
  local err = F.error_of(k8s.get, "/api/v1/nodes", opts)
  assert.contains(err, "k8s.get: HTTP 403 /api/v1/nodes: ")
  assert.contains(err, "cannot list resource")
  m:close()
end)

-- ─── post / put ───────────────────────────────────────────────────────────────────────────

test("post: a table body is sent as JSON with Content-Type application/json; 201 returns the object", function()
  local body = { apiVersion = "v1", kind = "ConfigMap", metadata = { name = "cfg" }, data = { a = "1" } }
  local m, opts = F.server({
    ["POST /api/v1/namespaces/default/configmaps"] = function(req)
      local obj = req.json
      obj.metadata.uid, obj.metadata.resourceVersion = "uid-cfg", "1"
      return { status = 201, json = obj }
    end,
  })
  local created = k8s.post("/api/v1/namespaces/default/configmaps", body, opts)
  assert.eq(created.metadata.uid, "uid-cfg")
  assert.eq(created.data.a, "1")
  local req = m:last()
  assert.eq(req.method, "POST")
  assert.eq(req.headers["content-type"], "application/json")
  assert.eq(req.headers.authorization, "Bearer test-token")
  assert.eq(req.body, '{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"name":"cfg"}}')
  m:close()
end)

test("post: a string body is sent verbatim", function()
  local m, opts = F.server({ ["POST /api/v1/namespaces"] = { status = 201, json = { kind = "Namespace" } } })
  local text = '{"metadata":{"name":"team-a"}}'
  assert.eq(k8s.post("/api/v1/namespaces", text, opts).kind, "Namespace")
  assert.eq(m:last().body, text)
  m:close()
end)

test("post: 409 AlreadyExists raises 'k8s.post: HTTP 409 <path>: <body>'", function()
  local m, opts = F.server({ ["POST /api/v1/namespaces"] = F.status(409, "AlreadyExists", 'namespaces "team-a" already exists') })
  local err = F.error_of(k8s.post, "/api/v1/namespaces", { metadata = { name = "team-a" } }, opts)
  assert.contains(err, "k8s.post: HTTP 409 /api/v1/namespaces: ")
  assert.contains(err, "AlreadyExists")
  m:close()
end)

test("put: PUTs the object as JSON and returns the stored one", function()
  local obj = F.deployment("default", "web", 5)
  local m, opts = F.server({
    ["PUT " .. DEPLOY] = function(req)
      req.json.metadata.resourceVersion = "4243"
      return { json = req.json }
    end,
  })
  local stored = k8s.put(DEPLOY, obj, opts)
  assert.eq(stored.metadata.resourceVersion, "4243")
  assert.eq(stored.spec.replicas, 5)
  local req = m:last()
  assert.eq(req.method, "PUT")
  assert.eq(req.headers["content-type"], "application/json")
  assert.eq(req.json.spec.replicas, 5)
  m:close()
end)

test("put: 409 Conflict raises 'k8s.put: HTTP 409 <path>: <body>'", function()
  local m, opts = F.server({ ["PUT " .. DEPLOY] = F.status(409, "Conflict", "the object has been modified") })
  assert.contains(F.error_of(k8s.put, DEPLOY, {}, opts), "k8s.put: HTTP 409 " .. DEPLOY .. ": ")
  m:close()
end)

-- ─── patch ────────────────────────────────────────────────────────────────────────────────

test("patch: sends a merge patch (application/merge-patch+json) JSON-encoded", function()
  local m, opts = F.server({ ["PATCH " .. DEPLOY] = { json = F.deployment("default", "web", 4) } })
  local out = k8s.patch(DEPLOY, { spec = { replicas = 4 } }, opts)
  assert.eq(out.spec.replicas, 4)
  local req = m:last()
  assert.eq(req.method, "PATCH")
  assert.eq(req.headers["content-type"], "application/merge-patch+json")
  assert.eq(req.headers.authorization, "Bearer test-token")
  assert.eq(req.body, '{"spec":{"replicas":4}}')
  m:close()
end)

test("patch: json.null in a merge patch removes a key", function()
  local m, opts = F.server({ ["PATCH " .. DEPLOY] = { json = F.deployment("default", "web", 1) } })
  k8s.patch(DEPLOY, { metadata = { annotations = { ["example.com/paused"] = json.null } } }, opts)
  assert.eq(m:last().body, '{"metadata":{"annotations":{"example.com/paused":null}}}')
  m:close()
end)

test("patch: opts.content_type selects strategic-merge or JSON patch", function()
  local m, opts = F.server({ ["PATCH " .. DEPLOY] = { json = F.deployment("default", "web", 2) } })
  opts.content_type = "application/strategic-merge-patch+json"
  k8s.patch(DEPLOY, { spec = { template = { spec = { containers = { { name = "app", image = "nginx:1.28" } } } } } }, opts)
  assert.eq(m:last().headers["content-type"], "application/strategic-merge-patch+json")
  assert.eq(m:last().json.spec.template.spec.containers[1].image, "nginx:1.28")
  opts.content_type = "application/json-patch+json"
  k8s.patch(DEPLOY, { { op = "replace", path = "/spec/replicas", value = 2 } }, opts)
  assert.eq(m:last().headers["content-type"], "application/json-patch+json")
  assert.eq(m:last().body, '[{"op":"replace","path":"/spec/replicas","value":2}]')
  m:close()
end)

test("patch: a string body is sent verbatim, still with the patch content type", function()
  local m, opts = F.server({ ["PATCH " .. DEPLOY] = { json = F.deployment("default", "web", 1) } })
  k8s.patch(DEPLOY, '{"spec":{"replicas":1}}', opts)
  assert.eq(m:last().body, '{"spec":{"replicas":1}}')
  assert.eq(m:last().headers["content-type"], "application/merge-patch+json")
  m:close()
end)

test("patch: 422 Invalid raises 'k8s.patch: HTTP 422 <path>: <body>'", function()
  local m, opts = F.server({ ["PATCH " .. DEPLOY] = F.status(422, "Invalid", "spec.replicas: Invalid value: -1") })
  local err = F.error_of(k8s.patch, DEPLOY, { spec = { replicas = -1 } }, opts)
  assert.contains(err, "k8s.patch: HTTP 422 " .. DEPLOY .. ": ")
  assert.contains(err, "Invalid value")
  m:close()
end)

-- ─── delete ───────────────────────────────────────────────────────────────────────────────

test("delete: DELETEs the path and returns nothing (200 and 202 are success)", function()
  local m, opts = F.server({
    ["DELETE " .. DEPLOY] = { json = { kind = "Status", apiVersion = "v1", status = "Success", details = { name = "web" } } },
    ["DELETE /apis/batch/v1/namespaces/default/jobs/migrate"] = { status = 202, json = F.object("batch/v1", "Job", "default", "migrate") },
  })
  assert.eq(select("#", k8s.delete(DEPLOY, opts)), 0)
  assert.eq(select("#", k8s.delete("/apis/batch/v1/namespaces/default/jobs/migrate", opts)), 0)
  local req = m:calls("DELETE " .. DEPLOY)[1]
  assert.eq(req.headers.authorization, "Bearer test-token")
  assert.eq(req.body, "")
  m:close()
end)

test("delete: 404 raises 'k8s.delete: HTTP 404 <path>: <body>'", function()
  local m, opts = F.server({ ["DELETE " .. DEPLOY] = F.status(404, "NotFound", 'deployments.apps "web" not found') })
  assert.contains(F.error_of(k8s.delete, DEPLOY, opts), "k8s.delete: HTTP 404 " .. DEPLOY .. ": ")
  m:close()
end)

-- ─── connection ───────────────────────────────────────────────────────────────────────────

test("outside a pod without base_url: 'k8s: not running in a Kubernetes pod ...'", function()
  leave_cluster()
  local err = F.error_of(k8s.get, "/api/v1/namespaces", { token = "t" })
  assert.contains(err, "k8s: not running in a Kubernetes pod (KUBERNETES_SERVICE_HOST not set)")
end)

test("in a pod: https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT", function()
  local port = free_port()
  env.set("KUBERNETES_SERVICE_HOST", "127.0.0.1")
  env.set("KUBERNETES_SERVICE_PORT", tostring(port))
  local err = F.error_of(k8s.get, "/api/v1/namespaces", { token = "t" })
  assert.contains(err, "connection refused (127.0.0.1:" .. port .. ")")
  leave_cluster()
end)

test("in a pod: the scheme is https (a plain-HTTP server sees only a TLS handshake)", function()
  local m = F.server({ ["GET /api/v1/namespaces"] = { json = {} } })
  env.set("KUBERNETES_SERVICE_HOST", "127.0.0.1")
  env.set("KUBERNETES_SERVICE_PORT", tostring(m.port))
  local err = F.error_of(k8s.get, "/api/v1/namespaces", { token = "t" })
  assert.contains(err, "http.get failed")
  assert.eq(#m.requests, 0)
  leave_cluster()
  m:close()
end)

test("in a pod: the port defaults to 443; an IPv6 host is bracketed", function()
  env.set("KUBERNETES_SERVICE_HOST", "127.0.0.1")
  assert.contains(F.error_of(k8s.get, "/api/v1/namespaces", { token = "t" }), "(127.0.0.1:443)")
  env.set("KUBERNETES_SERVICE_HOST", "::1")
  env.set("KUBERNETES_SERVICE_PORT", tostring(free_port()))
  local err = F.error_of(k8s.get, "/api/v1/namespaces", { token = "t" })
  assert.contains(err, "http.get failed") -- refused (or no IPv6 here), but a valid URL
  assert(not err:find("invalid URL", 1, true), err)
  leave_cluster()
end)

test("opts.base_url wins over the in-cluster address", function()
  env.set("KUBERNETES_SERVICE_HOST", "10.96.0.1")
  local m, opts = F.server({ ["GET /api/v1/namespaces/default"] = { json = F.object("v1", "Namespace", nil, "default") } })
  assert.eq(k8s.get("/api/v1/namespaces/default", opts).metadata.name, "default")
  leave_cluster()
  m:close()
end)

test("without opts.token the service-account token file is read on every request", function()
  local m, opts = F.server({ ["GET /api/v1/namespaces"] = { json = F.list("v1", "Namespace", {}) } })
  opts.token = nil
  local saved = k8s.token_file
  k8s.token_file = F.temp_file("token", "eyJhbGciOiJSUzI1NiJ9.first")
  k8s.get("/api/v1/namespaces", opts)
  assert.eq(m:last().headers.authorization, "Bearer eyJhbGciOiJSUzI1NiJ9.first")
  fs.write(k8s.token_file, "eyJhbGciOiJSUzI1NiJ9.rotated\n") -- the kubelet rotated it
  k8s.get("/api/v1/namespaces", opts)
  assert.eq(m:last().headers.authorization, "Bearer eyJhbGciOiJSUzI1NiJ9.rotated")
  k8s.token_file = saved
  F.cleanup()
  m:close()
end)

test("the default token file is the pod's; missing, the request fails naming it", function()
  assert.eq(k8s.token_file, "/var/run/secrets/kubernetes.io/serviceaccount/token")
  assert.eq(k8s.ca_file, "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt")
  if fs.exists(k8s.token_file) then return end -- running inside a pod: nothing to show
  local m, opts = F.server({})
  opts.token = nil
  local err = F.error_of(k8s.get, "/api/v1/namespaces", opts)
  assert.contains(err, "/var/run/secrets/kubernetes.io/serviceaccount/token")
  assert.eq(#m.requests, 0)
  m:close()
end)

-- Replaces http.client with a spy recording the options of each call.
local function spy_client()
  local real, calls = http.client, {}
  http.client = function(o)
    calls[#calls + 1] = o
    return real(o)
  end
  return calls, function() http.client = real end
end

test("the HTTP client trusts the CA file, made once and reused", function()
  local calls, restore = spy_client()
  local saved = k8s.ca_file
  k8s.ca_file = F.temp_file("ca.crt", F.CA_PEM)
  local m, opts = F.server({ ["GET /version"] = { json = { major = "1", minor = "31", gitVersion = "v1.31.2" } } })
  assert.eq(k8s.get("/version", opts).gitVersion, "v1.31.2")
  assert.eq(k8s.get("/version", opts).minor, "31")
  assert.eq(#calls, 1)
  assert.eq(calls[1].ca_cert_file, k8s.ca_file)
  k8s.ca_file = saved
  restore()
  F.cleanup()
  m:close()
end)

test("a missing (or invalid) CA file falls back to a plain client", function()
  local calls, restore = spy_client()
  local saved = k8s.ca_file
  local m, opts = F.server({ ["GET /version"] = { json = { gitVersion = "v1.31.2" } } })
  k8s.ca_file = F.temp_file("missing.crt")
  assert.eq(k8s.get("/version", opts).gitVersion, "v1.31.2")
  assert.eq(#calls, 2)
  assert.eq(calls[1].ca_cert_file, k8s.ca_file)
  assert.eq(next(calls[2]), nil)
  k8s.ca_file = F.temp_file("ca.crt", "not a certificate")
  assert.eq(k8s.get("/version", opts).gitVersion, "v1.31.2")
  assert.eq(#calls, 4)
  assert.eq(next(calls[4]), nil)
  k8s.ca_file = saved
  restore()
  F.cleanup()
  m:close()
end)
