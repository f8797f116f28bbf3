-- assay.k8s: the resource registry (kinds → paths, register_crd) and the by-kind calls
-- (get_resource, list, create, update, patch_resource, delete_resource, exists,
-- namespace_exists), against mock API servers.
local F = dofile(arg[0]:match("^(.*)/") .. "/fixtures.lua")
local k8s = require("assay.k8s")

-- kind → expected collection path in namespace "ns" (cluster-scoped kinds ignore it)
local PATHS = {
  pod = "/api/v1/namespaces/ns/pods",
  service = "/api/v1/namespaces/ns/services",
  secret = "/api/v1/namespaces/ns/secrets",
  configmap = "/api/v1/namespaces/ns/configmaps",
  endpoints = "/api/v1/namespaces/ns/endpoints",
  serviceaccount = "/api/v1/namespaces/ns/serviceaccounts",
  persistentvolumeclaim = "/api/v1/namespaces/ns/persistentvolumeclaims",
  pvc = "/api/v1/namespaces/ns/persistentvolumeclaims",
  limitrange = "/api/v1/namespaces/ns/limitranges",
  resourcequota = "/api/v1/namespaces/ns/resourcequotas",
  event = "/api/v1/namespaces/ns/events",
  namespace = "/api/v1/namespaces",
  node = "/api/v1/nodes",
  persistentvolume = "/api/v1/persistentvolumes",
  pv = "/api/v1/persistentvolumes",
  deployment = "/apis/apps/v1/namespaces/ns/deployments",
  statefulset = "/apis/apps/v1/namespaces/ns/statefulsets",
  daemonset = "/apis/apps/v1/namespaces/ns/daemonsets",
  replicaset = "/apis/apps/v1/namespaces/ns/replicasets",
  job = "/apis/batch/v1/namespaces/ns/jobs",
  cronjob = "/apis/batch/v1/namespaces/ns/cronjobs",
  ingress = "/apis/networking.k8s.io/v1/namespaces/ns/ingresses",
  networkpolicy = "/apis/networking.k8s.io/v1/namespaces/ns/networkpolicies",
  ingressclass = "/apis/networking.k8s.io/v1/ingressclasses",
  storageclass = "/apis/storage.k8s.io/v1/storageclasses",
  role = "/apis/rbac.authorization.k8s.io/v1/namespaces/ns/roles",
  rolebinding = "/apis/rbac.authorization.k8s.io/v1/namespaces/ns/rolebindings",
  clusterrole = "/apis/rbac.authorization.k8s.io/v1/clusterroles",
  clusterrolebinding = "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
  hpa = "/apis/autoscaling/v2/namespaces/ns/horizontalpodautoscalers",
  poddisruptionbudget = "/apis/policy/v1/namespaces/ns/poddisruptionbudgets",
  pdb = "/apis/policy/v1/namespaces/ns/poddisruptionbudgets",
}

local UNKNOWN = "k8s: unknown resource kind 'Widget'. Use k8s.register_crd() for custom resources or k8s.get() with a raw path."

-- ─── registry ─────────────────────────────────────────────────────────────────────────────

test("_list_path and _resource_path know every built-in kind", function()
  local n = 0
  for kind, path in pairs(PATHS) do
    assert.eq(k8s._list_path("ns", kind), path, kind)
    assert.eq(k8s._resource_path("ns", kind, "x"), path .. "/x", kind)
    n = n + 1
  end
  assert.eq(n, 32)
end)

test("kinds are case-insensitive; cluster-scoped kinds ignore the namespace (nil is fine)", function()
  assert.eq(k8s._resource_path("prod", "Deployment", "web"), "/apis/apps/v1/namespaces/prod/deployments/web")
  assert.eq(k8s._list_path("prod", "PVC"), "/api/v1/namespaces/prod/persistentvolumeclaims")
  assert.eq(k8s._resource_path(nil, "Node", "node-1"), "/api/v1/nodes/node-1")
  assert.eq(k8s._list_path("ignored", "ClusterRole"), "/apis/rbac.authorization.k8s.io/v1/clusterroles")
end)

test("an unknown kind raises, naming register_crd", function()
  assert.contains(F.error_of(k8s._resource_path, "ns", "Widget", "w"), UNKNOWN)
  assert.contains(F.error_of(k8s._list_path, "ns", "Widget"), UNKNOWN)
  local m, opts = F.server({})
  assert.contains(F.error_of(k8s.get_resource, "ns", "Widget", "w", opts), UNKNOWN)
  assert.contains(F.error_of(k8s.list, "ns", "Widget", opts), UNKNOWN)
  assert.eq(#m.requests, 0)
  m:close()
end)

test("register_crd: namespaced by default, kind case-insensitive", function()
  k8s.register_crd("Application", "argoproj.io", "v1alpha1", "applications")
  assert.eq(k8s._resource_path("argocd", "application", "web"), "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/web")
  assert.eq(k8s._list_path("argocd", "APPLICATION"), "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications")
end)

test("register_crd: cluster-scoped with the fifth argument", function()
  k8s.register_crd("ClusterIssuer", "cert-manager.io", "v1", "clusterissuers", true)
  assert.eq(k8s._resource_path("ignored", "clusterissuer", "letsencrypt"), "/apis/cert-manager.io/v1/clusterissuers/letsencrypt")
  assert.eq(k8s._list_path(nil, "clusterissuer"), "/apis/cert-manager.io/v1/clusterissuers")
end)

test("register_crd: the registry is shared by every requirer", function()
  k8s.register_crd("kustomization", "kustomize.toolkit.fluxcd.io", "v1", "kustomizations")
  local resources = require("assay.k8s.resources")
  assert.eq(resources.list_path("flux-system", "Kustomization"), "/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations")
  assert.eq(require("assay.k8s"), k8s)
end)

test("register_crd: a registered kind works with the by-kind calls", function()
  k8s.register_crd("certificate", "cert-manager.io", "v1", "certificates")
  local path = "/apis/cert-manager.io/v1/namespaces/web/certificates/tls"
  local m, opts = F.server({
    ["GET " .. path] = { json = F.object("cert-manager.io/v1", "Certificate", "web", "tls", {
      status = { conditions = { { type = "Ready", status = "True", reason = "Ready" } } },
    }) },
  })
  assert.eq(k8s.get_resource("web", "Certificate", "tls", opts).kind, "Certificate")
  assert.eq(k8s.is_ready("web", "certificate", "tls", opts), true)
  assert.eq(m:count("GET " .. path), 2)
  m:close()
end)

-- ─── get_resource / list ──────────────────────────────────────────────────────────────────

test("get_resource: GETs the object's path and returns it", function()
  local path = "/api/v1/namespaces/default/services/web"
  local m, opts = F.server({ ["GET " .. path] = { json = F.object("v1", "Service", "default", "web", { spec = { clusterIP = "10.96.12.34" } }) } })
  local svc = k8s.get_resource("default", "service", "web", opts)
  assert.eq(svc.spec.clusterIP, "10.96.12.34")
  assert.eq(m:last().method, "GET")
  assert.eq(m:last().headers.authorization, "Bearer test-token")
  m:close()
end)

test("get_resource: 404 raises as k8s.get", function()
  local path = "/api/v1/namespaces/default/services/gone"
  local m, opts = F.server({ ["GET " .. path] = F.status(404, "NotFound", 'services "gone" not found') })
  assert.contains(F.error_of(k8s.get_resource, "default", "service", "gone", opts), "k8s.get: HTTP 404 " .. path .. ": ")
  m:close()
end)

test("list: returns the list object, no query without selectors", function()
  local m, opts = F.server({
    ["GET /apis/apps/v1/namespaces/infra/deployments"] = { json = F.list("apps/v1", "Deployment", {
      F.deployment("infra", "api", 2), F.deployment("infra", "worker", 1),
    }) },
  })
  local list = k8s.list("infra", "deployment", opts)
  assert.eq(list.kind, "DeploymentList")
  assert.eq(list.metadata.resourceVersion, "5000")
  assert.eq(#list.items, 2)
  assert.eq(list.items[2].metadata.name, "worker")
  assert.eq(m:last().query, "")
  m:close()
end)

test("list: labelSelector, fieldSelector, limit in that order, values unencoded", function()
  local m, opts = F.server({ ["GET /api/v1/namespaces/default/pods"] = { json = F.list("v1", "Pod", {}) } })
  opts.label_selector, opts.field_selector, opts.limit = "app=web,tier!=db", "status.phase=Running", 50
  k8s.list("default", "pod", opts)
  assert.eq(m:last().query, "labelSelector=app=web,tier!=db&fieldSelector=status.phase=Running&limit=50")
  k8s.list("default", "pod", { base_url = m.url, token = "t", limit = 10 })
  assert.eq(m:last().query, "limit=10")
  k8s.list("default", "pod", { base_url = m.url, token = "t", label_selector = "environment in (prod, qa)" })
  assert.eq(m:last().args.labelSelector, "environment in (prod, qa)") -- spaces percent-encoded by http
  m:close()
end)

test("list: a cluster-scoped kind lists at the cluster path", function()
  local m, opts = F.server({ ["GET /api/v1/namespaces"] = { json = F.list("v1", "Namespace", { F.object("v1", "Namespace", nil, "default") }) } })
  assert.eq(k8s.list(nil, "namespace", opts).items[1].metadata.name, "default")
  m:close()
end)

test("list: 403 raises as k8s.get, path with query", function()
  local m, opts = F.server({ ["GET /api/v1/namespaces/kube-system/secrets"] = F.status(403, "Forbidden", "secrets is forbidden") })
  opts.limit = 1
  assert.contains(F.error_of(k8s.list, "kube-system", "secret", opts), "k8s.get: HTTP 403 /api/v1/namespaces/kube-system/secrets?limit=1: ")
  m:close()
end)

-- ─── create / update / patch_resource / delete_resource ──────────────────────────────────

test("create: POSTs the object to the collection and returns the created object", function()
  local cm = { apiVersion = "v1", kind = "ConfigMap", metadata = { name = "settings" }, data = { mode = "fast" } }
  local m, opts = F.server({
    ["POST /api/v1/namespaces/default/configmaps"] = function(req)
      local obj = req.json
      obj.metadata.namespace, obj.metadata.uid = "default", "uid-settings"
      return { status = 201, json = obj }
    end,
  })
  local created = k8s.create("default", "configmap", cm, opts)
  assert.eq(created.metadata.uid, "uid-settings")
  assert.eq(created.metadata.namespace, "default")
  local req = m:last()
  assert.eq(req.method, "POST")
  assert.eq(req.headers["content-type"], "application/json")
  assert.eq(req.json.data.mode, "fast")
  m:close()
end)

test("create: a cluster-scoped kind POSTs to the cluster collection", function()
  local m, opts = F.server({ ["POST /api/v1/namespaces"] = { status = 201, json = F.object("v1", "Namespace", nil, "team-a") } })
  assert.eq(k8s.create("ignored", "namespace", { metadata = { name = "team-a" } }, opts).metadata.name, "team-a")
  assert.eq(m:last().json.metadata.name, "team-a")
  m:close()
end)

test("create: 409 AlreadyExists raises as k8s.post", function()
  local m, opts = F.server({ ["POST /api/v1/namespaces/default/configmaps"] = F.status(409, "AlreadyExists", 'configmaps "settings" already exists') })
  assert.contains(F.error_of(k8s.create, "default", "configmap", { metadata = { name = "settings" } }, opts),
    "k8s.post: HTTP 409 /api/v1/namespaces/default/configmaps: ")
  m:close()
end)

test("update: PUTs the whole object to its path", function()
  local path = "/api/v1/namespaces/default/configmaps/settings"
  local m, opts = F.server({ ["PUT " .. path] = function(req) return { json = req.json } end })
  local obj = F.object("v1", "ConfigMap", "default", "settings", { data = { mode = "slow" } })
  local stored = k8s.update("default", "configmap", "settings", obj, opts)
  assert.eq(stored.data.mode, "slow")
  assert.eq(m:last().method, "PUT")
  assert.eq(m:last().json.metadata.resourceVersion, "4242")
  m:close()
end)

test("update: 409 Conflict raises as k8s.put", function()
  local path = "/api/v1/namespaces/default/configmaps/settings"
  local m, opts = F.server({ ["PUT " .. path] = F.status(409, "Conflict", "the object has been modified; please apply your changes to the latest version") })
  assert.contains(F.error_of(k8s.update, "default", "configmap", "settings", {}, opts), "k8s.put: HTTP 409 " .. path .. ": ")
  m:close()
end)

test("patch_resource: merge patch by default, opts.content_type overrides", function()
  local path = "/apis/apps/v1/namespaces/default/deployments/web"
  local m, opts = F.server({ ["PATCH " .. path] = function(req)
    return { json = F.deployment("default", "web", (req.json.spec or {}).replicas or 1) }
  end })
  local out = k8s.patch_resource("default", "deployment", "web", { spec = { replicas = 6 } }, opts)
  assert.eq(out.spec.replicas, 6)
  assert.eq(m:last().headers["content-type"], "application/merge-patch+json")
  assert.eq(m:last().body, '{"spec":{"replicas":6}}')
  opts.content_type = "application/strategic-merge-patch+json"
  k8s.patch_resource("default", "deployment", "web", { metadata = { annotations = { restartedAt = "now" } } }, opts)
  assert.eq(m:last().headers["content-type"], "application/strategic-merge-patch+json")
  m:close()
end)

test("patch_resource: 404 raises as k8s.patch", function()
  local path = "/apis/apps/v1/namespaces/default/deployments/gone"
  local m, opts = F.server({ ["PATCH " .. path] = F.status(404, "NotFound", 'deployments.apps "gone" not found') })
  assert.contains(F.error_of(k8s.patch_resource, "default", "deployment", "gone", {}, opts), "k8s.patch: HTTP 404 " .. path .. ": ")
  m:close()
end)

test("delete_resource: DELETEs the object's path, returns nothing", function()
  local path = "/apis/batch/v1/namespaces/default/jobs/migrate"
  local m, opts = F.server({ ["DELETE " .. path] = { json = F.object("batch/v1", "Job", "default", "migrate") } })
  assert.eq(select("#", k8s.delete_resource("default", "job", "migrate", opts)), 0)
  assert.eq(m:count("DELETE " .. path), 1)
  assert.eq(m:last().headers.authorization, "Bearer test-token")
  m:close()
end)

test("delete_resource: 404 raises as k8s.delete", function()
  local path = "/apis/batch/v1/namespaces/default/jobs/gone"
  local m, opts = F.server({ ["DELETE " .. path] = F.status(404, "NotFound", 'jobs.batch "gone" not found') })
  assert.contains(F.error_of(k8s.delete_resource, "default", "job", "gone", opts), "k8s.delete: HTTP 404 " .. path .. ": ")
  m:close()
end)

-- ─── exists / namespace_exists ────────────────────────────────────────────────────────────

test("exists: true on 200, false on 404 and any other status (never raises for a status)", function()
  local base = "/api/v1/namespaces/infra/secrets/"
  local m, opts = F.server({
    ["GET " .. base .. "db-creds"] = { json = F.object("v1", "Secret", "infra", "db-creds") },
    ["GET " .. base .. "missing"] = F.status(404, "NotFound", 'secrets "missing" not found'),
    ["GET " .. base .. "forbidden"] = F.status(403, "Forbidden", "secrets is forbidden"),
    ["GET " .. base .. "broken"] = { status = 500, body = "internal error" },
  })
  assert.eq(k8s.exists("infra", "secret", "db-creds", opts), true)
  assert.eq(k8s.exists("infra", "secret", "missing", opts), false)
  assert.eq(k8s.exists("infra", "secret", "forbidden", opts), false)
  assert.eq(k8s.exists("infra", "secret", "broken", opts), false)
  assert.eq(m:last().headers.authorization, "Bearer test-token")
  assert.eq(#m:unmatched(), 0)
  m:close()
end)

test("exists: an unknown kind or an unreachable server still raises", function()
  assert.contains(F.error_of(k8s.exists, "ns", "Widget", "w", { base_url = "http://127.0.0.1:1", token = "t" }), UNKNOWN)
  assert.contains(F.error_of(k8s.exists, "ns", "pod", "w", { base_url = "http://127.0.0.1:1", token = "t" }), "http.get failed")
end)

test("namespace_exists: GETs /api/v1/namespaces/<name>", function()
  local m, opts = F.server({
    ["GET /api/v1/namespaces/prod"] = { json = F.object("v1", "Namespace", nil, "prod", { status = { phase = "Active" } }) },
    ["GET /api/v1/namespaces/nope"] = F.status(404, "NotFound", 'namespaces "nope" not found'),
  })
  assert.eq(k8s.namespace_exists("prod", opts), true)
  assert.eq(k8s.namespace_exists("nope", opts), false)
  assert.eq(m:calls()[1].path, "/api/v1/namespaces/prod")
  m:close()
end)
