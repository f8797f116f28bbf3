--- @module assay.k8s.resources
-- The resource registry of assay.k8s: which API prefix, plural and scope each kind has, and
-- the request paths built from them. Kinds are matched case-insensitively. The registry is
-- module-global, so a CRD registered by one script part is known to every requirer.

local M = {}

local CORE = "/api/v1"
local APPS = "/apis/apps/v1"
local BATCH = "/apis/batch/v1"
local NETWORKING = "/apis/networking.k8s.io/v1"
local STORAGE = "/apis/storage.k8s.io/v1"
local RBAC = "/apis/rbac.authorization.k8s.io/v1"
local AUTOSCALING = "/apis/autoscaling/v2"
local POLICY = "/apis/policy/v1"

-- kind → { api = prefix, plural = name, cluster = true when cluster-scoped }
local registry = {}

local function add(kind, api, plural, cluster)
  registry[kind] = { api = api, plural = plural, cluster = cluster or false }
end

-- namespaced, core group
add("pod", CORE, "pods")
add("service", CORE, "services")
add("secret", CORE, "secrets")
add("configmap", CORE, "configmaps")
add("endpoints", CORE, "endpoints")
add("serviceaccount", CORE, "serviceaccounts")
add("persistentvolumeclaim", CORE, "persistentvolumeclaims")
add("pvc", CORE, "persistentvolumeclaims")
add("limitrange", CORE, "limitranges")
add("resourcequota", CORE, "resourcequotas")
add("event", CORE, "events")
-- cluster-scoped, core group
add("namespace", CORE, "namespaces", true)
add("node", CORE, "nodes", true)
add("persistentvolume", CORE, "persistentvolumes", true)
add("pv", CORE, "persistentvolumes", true)
-- workloads
add("deployment", APPS, "deployments")
add("statefulset", APPS, "statefulsets")
add("daemonset", APPS, "daemonsets")
add("replicaset", APPS, "replicasets")
add("job", BATCH, "jobs")
add("cronjob", BATCH, "cronjobs")
-- networking, storage, RBAC, autoscaling, policy
add("ingress", NETWORKING, "ingresses")
add("networkpolicy", NETWORKING, "networkpolicies")
add("ingressclass", NETWORKING, "ingressclasses", true)
add("storageclass", STORAGE, "storageclasses", true)
add("role", RBAC, "roles")
add("rolebinding", RBAC, "rolebindings")
add("clusterrole", RBAC, "clusterroles", true)
add("clusterrolebinding", RBAC, "clusterrolebindings", true)
add("hpa", AUTOSCALING, "horizontalpodautoscalers")
add("poddisruptionbudget", POLICY, "poddisruptionbudgets")
add("pdb", POLICY, "poddisruptionbudgets")

--- Registers a custom resource kind (or replaces a known one).
-- @param kind string the kind, matched case-insensitively ("application")
-- @param api_group string the API group ("argoproj.io")
-- @param version string the API version ("v1alpha1")
-- @param plural string the resource's plural name in paths ("applications")
-- @param cluster_scoped boolean|nil true for a cluster-scoped resource (default: namespaced)
function M.register_crd(kind, api_group, version, plural, cluster_scoped)
  add(kind:lower(), "/apis/" .. api_group .. "/" .. version, plural, cluster_scoped)
end

--- The registry entry of a kind.
-- @param kind string a kind, any case
-- @return table `{api, plural, cluster}`; raises for an unknown kind
function M.lookup(kind)
  local info = registry[kind:lower()]
  if not info then
    error("k8s: unknown resource kind '" .. kind
      .. "'. Use k8s.register_crd() for custom resources or k8s.get() with a raw path.")
  end
  return info
end

--- The path of a collection: `<api>/namespaces/<ns>/<plural>`, or `<api>/<plural>` for a
-- cluster-scoped kind (the namespace is then ignored).
-- @param namespace string|nil the namespace
-- @param kind string the kind
-- @return string the path
function M.list_path(namespace, kind)
  local info = M.lookup(kind)
  if info.cluster then return info.api .. "/" .. info.plural end
  return info.api .. "/namespaces/" .. namespace .. "/" .. info.plural
end

--- The path of one object: the collection's path followed by `/<name>`.
-- @param namespace string|nil the namespace
-- @param kind string the kind
-- @param name string the object's name
-- @return string the path
function M.resource_path(namespace, kind, name)
  return M.list_path(namespace, kind) .. "/" .. name
end

return M
