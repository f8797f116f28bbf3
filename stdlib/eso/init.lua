--- @module assay.eso
-- External Secrets Operator through the Kubernetes API, v0.4-compatible: ExternalSecrets,
-- SecretStores, ClusterSecretStores and ClusterExternalSecrets, their Ready conditions, and a
-- wait for an ExternalSecret to sync.
--
--   local eso = require("assay.eso")
--   local c = eso.client("https://kubernetes.default.svc", env.get("K8S_TOKEN"))
--   c:wait_secret_synced("apps", "db-credentials", 120)
--
-- Every request sends `Authorization: Bearer <token>`. Paths are under
-- `/apis/external-secrets.io/v1beta1`. Reading one object: 404 gives nil, any other status but
-- 200 raises `eso: GET <path> HTTP <status>: <body>`. Listing: any status but 200 raises
-- `eso: LIST <path> HTTP <status>: <body>`; the whole list object (`.items`) is returned.

local kube = require("assay.internal.kube")
local rest = require("assay.internal.rest")

local M = {}

local Client = {}
Client.__index = Client

local BASE = "/apis/external-secrets.io/v1beta1"

local api = kube.api("eso")
local get, list = api.get, api.list

local function namespaced(ns, plural, name) return kube.namespaced(BASE, ns, plural, name) end
local function cluster(plural, name) return kube.cluster(BASE, plural, name) end

local function is_ready(obj) return kube.is_true(obj, "Ready") end

--- Creates a client.
-- @param url string the Kubernetes API server URL (trailing slashes are stripped)
-- @param token string a bearer token
-- @return client with public fields `url` and `token`
function M.client(url, token)
  return (kube.client(Client, "eso", url, token, 1))
end

-- ExternalSecrets -------------------------------------------------------------------------

--- Lists the ExternalSecrets of a namespace.
-- @param ns string the namespace
-- @return table the list object (`items`)
function Client:external_secrets(ns)
  return list(self, namespaced(ns, "externalsecrets"))
end

--- Reads one ExternalSecret.
-- @param ns string the namespace
-- @param name string its name
-- @return table|nil the object, nil when it does not exist
function Client:external_secret(ns, name)
  return get(self, namespaced(ns, "externalsecrets", name))
end

--- The sync status of an ExternalSecret; raises `eso: ExternalSecret <ns>/<name> not found`.
-- @param ns string the namespace
-- @param name string its name
-- @return table `{ready, status (the Ready reason or "Unknown"), sync_hash
--   (status.syncedResourceVersion or ""), conditions}`
function Client:external_secret_status(ns, name)
  local es = self:external_secret(ns, name)
  if not es then error("eso: ExternalSecret " .. ns .. "/" .. name .. " not found") end
  local status = es.status or {}
  local cond = kube.condition(es, "Ready")
  return {
    ready = is_ready(es),
    status = cond and cond.reason or "Unknown",
    sync_hash = status.syncedResourceVersion or "",
    conditions = status.conditions or {},
  }
end

--- Whether an ExternalSecret's Ready condition is True (false when it does not exist).
-- @param ns string the namespace
-- @param name string its name
-- @return boolean
function Client:is_secret_synced(ns, name)
  return is_ready(self:external_secret(ns, name))
end

--- Polls until an ExternalSecret is synced; raises
-- `eso: ExternalSecret <ns>/<name> not synced after <timeout>s`. The wait is measured in
-- wall-clock time; the last check happens at the deadline.
-- @param ns string the namespace
-- @param name string its name
-- @param timeout_secs number|nil how long to wait (default 60)
-- @param opts table|number|nil `{interval = seconds}` between checks (default 5), or the
--   interval itself
-- @return boolean true
function Client:wait_secret_synced(ns, name, timeout_secs, opts)
  timeout_secs = timeout_secs or 60
  local interval = (type(opts) == "table" and opts.interval) or (type(opts) == "number" and opts) or 5
  if rest.poll(function() return self:is_secret_synced(ns, name) end, timeout_secs, interval) then return true end
  error("eso: ExternalSecret " .. ns .. "/" .. name .. " not synced after " .. timeout_secs .. "s")
end

-- SecretStores ----------------------------------------------------------------------------

--- Lists the SecretStores of a namespace.
-- @param ns string the namespace
-- @return table the list object (`items`)
function Client:secret_stores(ns)
  return list(self, namespaced(ns, "secretstores"))
end

--- Reads one SecretStore.
-- @param ns string the namespace
-- @param name string its name
-- @return table|nil the object, nil when it does not exist
function Client:secret_store(ns, name)
  return get(self, namespaced(ns, "secretstores", name))
end

--- The readiness of a SecretStore; raises `eso: SecretStore <ns>/<name> not found`.
-- @param ns string the namespace
-- @param name string its name
-- @return table `{ready, conditions}`
function Client:secret_store_status(ns, name)
  local ss = self:secret_store(ns, name)
  if not ss then error("eso: SecretStore " .. ns .. "/" .. name .. " not found") end
  return { ready = is_ready(ss), conditions = (ss.status or {}).conditions or {} }
end

--- Whether a SecretStore's Ready condition is True (false when it does not exist).
-- @param ns string the namespace
-- @param name string its name
-- @return boolean
function Client:is_store_ready(ns, name)
  return is_ready(self:secret_store(ns, name))
end

-- Cluster-scoped --------------------------------------------------------------------------

--- Lists the ClusterSecretStores.
-- @return table the list object (`items`)
function Client:cluster_secret_stores()
  return list(self, cluster("clustersecretstores"))
end

--- Reads one ClusterSecretStore.
-- @param name string its name
-- @return table|nil the object, nil when it does not exist
function Client:cluster_secret_store(name)
  return get(self, cluster("clustersecretstores", name))
end

--- Whether a ClusterSecretStore's Ready condition is True (false when it does not exist).
-- @param name string its name
-- @return boolean
function Client:is_cluster_store_ready(name)
  return is_ready(self:cluster_secret_store(name))
end

--- Lists the ClusterExternalSecrets.
-- @return table the list object (`items`)
function Client:cluster_external_secrets()
  return list(self, cluster("clusterexternalsecrets"))
end

--- Reads one ClusterExternalSecret.
-- @param name string its name
-- @return table|nil the object, nil when it does not exist
function Client:cluster_external_secret(name)
  return get(self, cluster("clusterexternalsecrets", name))
end

-- Summaries -------------------------------------------------------------------------------

--- Counts the items of a list whose Ready condition is True; the names of the others.
local function tally(items)
  local good, _, bad = kube.tally(items, is_ready, "unknown")
  return good, bad
end

--- The sync state of every ExternalSecret of a namespace.
-- @param ns string the namespace
-- @return table `{synced, failed, total, failed_names}`
function Client:all_secrets_synced(ns)
  local synced, failed = tally(self:external_secrets(ns).items)
  return { synced = synced, failed = #failed, total = synced + #failed, failed_names = failed }
end

--- The readiness of every SecretStore of a namespace.
-- @param ns string the namespace
-- @return table `{ready, not_ready, total, not_ready_names}`
function Client:all_stores_ready(ns)
  local ready, not_ready = tally(self:secret_stores(ns).items)
  return { ready = ready, not_ready = #not_ready, total = ready + #not_ready, not_ready_names = not_ready }
end

return M
