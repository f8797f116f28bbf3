--- @module assay.k8s
-- Kubernetes API calls from inside a pod (or anywhere, with `opts.base_url`/`opts.token`).
-- Module functions, no client object, as in assay v0.4: every function takes a trailing
-- `opts` table with `base_url` (default `https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT`,
-- port 443 when unset) and `token` (default: the pod's service-account token, read from
-- `k8s.token_file` on every request, since the kubelet rotates it), plus function-specific keys.
-- Requests go through one `http.client` that trusts the service-account CA (`k8s.ca_file`),
-- or a plain client when that file cannot be loaded (not in a pod).
--
--   local k8s = require("assay.k8s")
--   local deploy = k8s.get_resource("default", "deployment", "web")
--   k8s.wait_ready("default", "deployment", "web", 120)
--   local creds = k8s.get_secret("default", "db-creds")   -- values base64-decoded
--
-- Errors: a non-2xx answer raises `k8s.<fn>: HTTP <status> <path>: <body>` (`k8s.get` and
-- `k8s.logs` accept only 200); `k8s.exists` never raises for a status.

local resources = require("assay.k8s.resources")
local wait = require("assay.k8s.wait")

local M = {}

local SA_DIR = "/var/run/secrets/kubernetes.io/serviceaccount"

--- The service-account token file, read on every request made without `opts.token`.
-- (Addition: v0.4 had this path fixed; assign another path for a non-standard mount.)
M.token_file = SA_DIR .. "/token"

--- The CA bundle trusted for the API server (added to the system roots).
-- (Addition: v0.4 had this path fixed.)
M.ca_file = SA_DIR .. "/ca.crt"

-- ─── connection ────────────────────────────────────────────────────────────────────────────

local client, client_ca

-- The HTTP client, made on first use (and again if `M.ca_file` changes): trusting the CA
-- file when it loads, else a plain client (outside a pod there is no such file).
local function api_client()
  if client == nil or client_ca ~= M.ca_file then
    local ok, c = pcall(http.client, { ca_cert_file = M.ca_file })
    if not ok then c = http.client({}) end
    client, client_ca = c, M.ca_file
  end
  return client
end

local function base_url(opts)
  if opts.base_url then return opts.base_url end
  local host = env.get("KUBERNETES_SERVICE_HOST")
  if host == nil or host == "" then
    error("k8s: not running in a Kubernetes pod (KUBERNETES_SERVICE_HOST not set)")
  end
  if host:find(":", 1, true) and host:sub(1, 1) ~= "[" then host = "[" .. host .. "]" end -- IPv6
  return "https://" .. host .. ":" .. (env.get("KUBERNETES_SERVICE_PORT") or "443")
end

local function bearer(opts)
  local token = opts.token
  if token == nil then token = fs.read(M.token_file):gsub("[\r\n]+$", "") end
  return "Bearer " .. token
end

-- Sends one request to the API server and returns the response (any status).
local function request(method, path, body, opts, content_type)
  opts = opts or {}
  local url = base_url(opts) .. path
  local headers = { Authorization = bearer(opts) }
  if content_type then headers["Content-Type"] = content_type end
  local c = api_client()
  if method == "get" or method == "delete" then
    return c[method](c, url, { headers = headers })
  end
  return c[method](c, url, body, { headers = headers })
end

-- Raises `<fname>: HTTP <status> <path>: <body>` unless the status is 200 (exact) or 2xx.
local function check(fname, resp, path, exact)
  local s = resp.status
  if (exact and s ~= 200) or s < 200 or s >= 300 then
    error(fname .. ": HTTP " .. s .. " " .. path .. ": " .. resp.body, 2)
  end
  return resp
end

-- `path?k=v&...` from a list of "k=v" strings (values as given, not encoded).
local function with_query(path, params)
  if #params == 0 then return path end
  return path .. "?" .. table.concat(params, "&")
end

-- ─── raw API calls ─────────────────────────────────────────────────────────────────────────

--- GETs an API path.
-- @param path string an API path ("/api/v1/namespaces/default/pods"), query included
-- @param opts table|nil `base_url`, `token`
-- @return table the decoded JSON; raises `k8s.get: HTTP <status> <path>: <body>` unless 200
function M.get(path, opts)
  return json.parse(check("k8s.get", request("get", path, nil, opts), path, true).body)
end

--- POSTs to an API path.
-- @param path string the API path
-- @param body table|string the object (a table is sent as JSON) or a ready body
-- @param opts table|nil `base_url`, `token`
-- @return table the decoded JSON; raises `k8s.post: HTTP <status> <path>: <body>` unless 2xx
function M.post(path, body, opts)
  return json.parse(check("k8s.post", request("post", path, body, opts), path).body)
end

--- PUTs to an API path (replaces an object).
-- @param path string the API path
-- @param body table|string the object (a table is sent as JSON) or a ready body
-- @param opts table|nil `base_url`, `token`
-- @return table the decoded JSON; raises `k8s.put: HTTP <status> <path>: <body>` unless 2xx
function M.put(path, body, opts)
  return json.parse(check("k8s.put", request("put", path, body, opts), path).body)
end

--- PATCHes an API path. The Content-Type is `opts.content_type`, by default
-- `application/merge-patch+json`; `application/strategic-merge-patch+json` and
-- `application/json-patch+json` (with a list of operations as body) also work.
-- @param path string the API path
-- @param body table|string the patch (a table is JSON-encoded) or a ready body
-- @param opts table|nil `base_url`, `token`, `content_type`
-- @return table the decoded JSON; raises `k8s.patch: HTTP <status> <path>: <body>` unless 2xx
function M.patch(path, body, opts)
  local ctype = (opts and opts.content_type) or "application/merge-patch+json"
  if type(body) == "table" then body = json.encode(body) end
  return json.parse(check("k8s.patch", request("patch", path, body, opts, ctype), path).body)
end

--- DELETEs an API path.
-- @param path string the API path
-- @param opts table|nil `base_url`, `token`
-- @return nothing; raises `k8s.delete: HTTP <status> <path>: <body>` unless 2xx
function M.delete(path, opts)
  check("k8s.delete", request("delete", path, nil, opts), path)
end

-- ─── resources by kind ─────────────────────────────────────────────────────────────────────

--- Registers a custom resource kind so the by-kind functions know its path.
-- @param kind string the kind, case-insensitive ("application")
-- @param api_group string the API group ("argoproj.io")
-- @param version string the version ("v1alpha1")
-- @param plural string the plural used in paths ("applications")
-- @param cluster_scoped boolean|nil true for a cluster-scoped kind (default namespaced)
-- @function register_crd
M.register_crd = resources.register_crd

--- The path of one object: `<api>/namespaces/<ns>/<plural>/<name>` (`<api>/<plural>/<name>`
-- for cluster-scoped kinds). Raises for an unknown kind.
-- @param namespace string|nil the namespace (ignored for cluster-scoped kinds)
-- @param kind string the kind, case-insensitive
-- @param name string the object's name
-- @return string the path
-- @function _resource_path
M._resource_path = resources.resource_path

--- The path of a collection: `<api>/namespaces/<ns>/<plural>` (`<api>/<plural>` for
-- cluster-scoped kinds). Raises for an unknown kind.
-- @param namespace string|nil the namespace (ignored for cluster-scoped kinds)
-- @param kind string the kind, case-insensitive
-- @return string the path
-- @function _list_path
M._list_path = resources.list_path

--- Gets one object.
-- @param namespace string|nil the namespace
-- @param kind string the kind ("deployment", "pod", a registered CRD, ...)
-- @param name string the object's name
-- @param opts table|nil `base_url`, `token`
-- @return table the object; raises as `k8s.get`
function M.get_resource(namespace, kind, name, opts)
  return M.get(M._resource_path(namespace, kind, name), opts)
end

--- Lists the objects of a kind.
-- @param namespace string|nil the namespace
-- @param kind string the kind
-- @param opts table|nil `base_url`, `token`, `label_selector`, `field_selector`, `limit`
-- @return table the list object (its `items`, `metadata`); raises as `k8s.get`
function M.list(namespace, kind, opts)
  opts = opts or {}
  local params = {}
  if opts.label_selector then params[#params + 1] = "labelSelector=" .. opts.label_selector end
  if opts.field_selector then params[#params + 1] = "fieldSelector=" .. opts.field_selector end
  if opts.limit then params[#params + 1] = "limit=" .. opts.limit end
  return M.get(with_query(M._list_path(namespace, kind), params), opts)
end

--- Creates an object (POST to its collection).
-- @param namespace string|nil the namespace
-- @param kind string the kind
-- @param body table the object
-- @param opts table|nil `base_url`, `token`
-- @return table the created object; raises as `k8s.post`
function M.create(namespace, kind, body, opts)
  return M.post(M._list_path(namespace, kind), body, opts)
end

--- Replaces an object (PUT).
-- @param namespace string|nil the namespace
-- @param kind string the kind
-- @param name string the object's name
-- @param body table the whole object (with `metadata.resourceVersion` for optimistic locking)
-- @param opts table|nil `base_url`, `token`
-- @return table the stored object; raises as `k8s.put`
function M.update(namespace, kind, name, body, opts)
  return M.put(M._resource_path(namespace, kind, name), body, opts)
end

--- Patches an object (merge patch unless `opts.content_type` says otherwise).
-- @param namespace string|nil the namespace
-- @param kind string the kind
-- @param name string the object's name
-- @param body table|string the patch
-- @param opts table|nil `base_url`, `token`, `content_type`
-- @return table the patched object; raises as `k8s.patch`
function M.patch_resource(namespace, kind, name, body, opts)
  return M.patch(M._resource_path(namespace, kind, name), body, opts)
end

--- Deletes an object.
-- @param namespace string|nil the namespace
-- @param kind string the kind
-- @param name string the object's name
-- @param opts table|nil `base_url`, `token`
-- @return nothing; raises as `k8s.delete`
function M.delete_resource(namespace, kind, name, opts)
  return M.delete(M._resource_path(namespace, kind, name), opts)
end

--- Whether an object exists: its GET answers 200 (any other status is false, not an error).
-- @param namespace string|nil the namespace
-- @param kind string the kind
-- @param name string the object's name
-- @param opts table|nil `base_url`, `token`
-- @return boolean
function M.exists(namespace, kind, name, opts)
  return request("get", M._resource_path(namespace, kind, name), nil, opts).status == 200
end

-- ─── conveniences ──────────────────────────────────────────────────────────────────────────

--- Reads a Secret's data, every value base64-decoded (`stringData` is not read).
-- @param namespace string the namespace
-- @param name string the Secret's name
-- @param opts table|nil `base_url`, `token`
-- @return table key → decoded value (`{}` when the Secret has no data); raises as `k8s.get`
function M.get_secret(namespace, name, opts)
  local secret = M.get_resource(namespace, "secret", name, opts)
  local decoded = {}
  for k, v in pairs(secret.data or {}) do decoded[k] = base64.decode(v) end
  return decoded
end

--- Reads a ConfigMap's data.
-- @param namespace string the namespace
-- @param name string the ConfigMap's name
-- @param opts table|nil `base_url`, `token`
-- @return table key → value (`{}` when it has no data); raises as `k8s.get`
function M.get_configmap(namespace, name, opts)
  return M.get_resource(namespace, "configmap", name, opts).data or {}
end

--- Lists pods (as `k8s.list(namespace, "pod", opts)`).
-- @param namespace string the namespace
-- @param opts table|nil as for `k8s.list`
-- @return table the PodList
function M.list_pods(namespace, opts)
  return M.list(namespace, "pod", opts)
end

--- Lists events (as `k8s.list(namespace, "event", opts)`).
-- @param namespace string the namespace
-- @param opts table|nil as for `k8s.list`
-- @return table the EventList
function M.list_events(namespace, opts)
  return M.list(namespace, "event", opts)
end

local PHASES = { running = true, pending = true, succeeded = true, failed = true, unknown = true }

--- Counts the pods of a namespace by phase (a missing or unknown phase counts as unknown).
-- @param namespace string the namespace
-- @param opts table|nil as for `k8s.list` (e.g. `label_selector`)
-- @return table `{running, pending, succeeded, failed, unknown, total}`
function M.pod_status(namespace, opts)
  local counts = { running = 0, pending = 0, succeeded = 0, failed = 0, unknown = 0, total = 0 }
  for _, pod in ipairs(M.list_pods(namespace, opts).items or {}) do
    local phase = ((pod.status or {}).phase or "Unknown"):lower()
    if not PHASES[phase] then phase = "unknown" end
    counts[phase] = counts[phase] + 1
    counts.total = counts.total + 1
  end
  return counts
end

--- Whether an object is ready (rules per kind: see assay.k8s.wait `object_ready`).
-- @param namespace string|nil the namespace
-- @param kind string the kind
-- @param name string the object's name
-- @param opts table|nil `base_url`, `token`
-- @return boolean; HTTP errors are raised as by `k8s.get`
function M.is_ready(namespace, kind, name, opts)
  return wait.object_ready(kind, M.get_resource(namespace, kind, name, opts))
end

--- Waits until `k8s.is_ready` is true, checking every 2 seconds (errors count as not ready).
-- @param namespace string|nil the namespace
-- @param kind string the kind
-- @param name string the object's name
-- @param timeout_secs number|nil seconds to wait (default 60)
-- @param opts table|nil `base_url`, `token`
-- @return boolean true; raises `k8s.wait_ready: <kind>/<name> not ready after <timeout>s`
function M.wait_ready(namespace, kind, name, timeout_secs, opts)
  timeout_secs = timeout_secs or 60
  local ready = wait.poll(function()
    return M.is_ready(namespace, kind, name, opts)
  end, timeout_secs, wait.INTERVAL)
  if not ready then
    error("k8s.wait_ready: " .. kind .. "/" .. name .. " not ready after " .. timeout_secs .. "s")
  end
  return true
end

--- The IP addresses behind a Service (its Endpoints' `subsets[].addresses[].ip`).
-- @param namespace string the namespace
-- @param name string the Service (Endpoints) name
-- @param opts table|nil `base_url`, `token`
-- @return table list of IP strings (empty when none is ready)
function M.service_endpoints(namespace, name, opts)
  local ips = {}
  for _, subset in ipairs(M.get_resource(namespace, "endpoints", name, opts).subsets or {}) do
    for _, addr in ipairs(subset.addresses or {}) do ips[#ips + 1] = addr.ip end
  end
  return ips
end

--- A pod's log.
-- @param namespace string the namespace
-- @param pod string the pod's name
-- @param opts table|nil `base_url`, `token`, `tail` (lines), `container`, `previous` (true:
--   the previous container's log), `since` (seconds)
-- @return string the log text; raises `k8s.logs: HTTP <status> <path>: <body>` unless 200
function M.logs(namespace, pod, opts)
  opts = opts or {}
  local params = {}
  if opts.tail then params[#params + 1] = "tailLines=" .. opts.tail end
  if opts.container then params[#params + 1] = "container=" .. opts.container end
  if opts.previous then params[#params + 1] = "previous=true" end
  if opts.since then params[#params + 1] = "sinceSeconds=" .. opts.since end
  local path = with_query("/api/v1/namespaces/" .. namespace .. "/pods/" .. pod .. "/log", params)
  return check("k8s.logs", request("get", path, nil, opts), path, true).body
end

--- A Deployment's rollout progress.
-- @param namespace string the namespace
-- @param name string the Deployment's name
-- @param opts table|nil `base_url`, `token`
-- @return table `{desired, updated, ready, available, unavailable, complete}` (counts default
--   to 0; `complete` = updated and ready both equal desired)
function M.rollout_status(namespace, name, opts)
  local deploy = M.get_resource(namespace, "deployment", name, opts)
  local status, desired = deploy.status or {}, (deploy.spec or {}).replicas or 0
  local updated, ready = status.updatedReplicas or 0, status.readyReplicas or 0
  return {
    desired = desired,
    updated = updated,
    ready = ready,
    available = status.availableReplicas or 0,
    unavailable = status.unavailableReplicas or 0,
    complete = updated == desired and ready == desired,
  }
end

--- A summary of every node.
-- @param opts table|nil `base_url`, `token`
-- @return table list of `{name, ready, roles, capacity, allocatable}`; `roles` from the
--   `node-role.kubernetes.io/<role>` labels (sorted)
function M.node_status(opts)
  local result = {}
  for _, node in ipairs(M.get("/api/v1/nodes", opts).items or {}) do
    local status, roles, ready = node.status or {}, {}, false
    for _, cond in ipairs(status.conditions or {}) do
      if cond.type == "Ready" then ready = cond.status == "True" end
    end
    for label in pairs(node.metadata.labels or {}) do
      local role = label:match("^node%-role%.kubernetes%.io/(.+)$")
      if role then roles[#roles + 1] = role end
    end
    table.sort(roles)
    result[#result + 1] = {
      name = node.metadata.name,
      ready = ready,
      roles = roles,
      capacity = status.capacity or {},
      allocatable = status.allocatable or {},
    }
  end
  return result
end

--- Whether a namespace exists.
-- @param name string the namespace
-- @param opts table|nil `base_url`, `token`
-- @return boolean
function M.namespace_exists(name, opts)
  return M.exists(nil, "namespace", name, opts)
end

--- The events about one object (field selector on involvedObject kind and name).
-- @param namespace string the namespace
-- @param kind string the object's kind as the API spells it ("Pod", "Deployment")
-- @param name string the object's name
-- @param opts table|nil `base_url`, `token` (other keys are not used)
-- @return table the EventList
function M.events_for(namespace, kind, name, opts)
  opts = opts or {}
  return M.list(namespace, "event", {
    field_selector = "involvedObject.kind=" .. kind .. ",involvedObject.name=" .. name,
    base_url = opts.base_url,
    token = opts.token,
  })
end

return M
