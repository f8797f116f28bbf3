--- @module assay.certmanager
-- cert-manager client over the Kubernetes API, v0.4-compatible: Certificates (status,
-- readiness, a wait), Issuers, ClusterIssuers, CertificateRequests (approval), ACME Orders
-- and Challenges, and readiness summaries of a namespace.
--
--   local certmanager = require("assay.certmanager")
--   local c = certmanager.client("https://kubernetes.default.svc", token)
--   c:wait_certificate_ready("web", "web-tls", 120)
--   local s = c:certificate_status("web", "web-tls")   -- {ready, not_after, renewal_time, ...}
--
-- Requests send `Authorization: Bearer <token>` (a token is required). Getting one resource
-- gives nil on 404; any other status but 200 raises `certmanager: GET <path> HTTP <status>: <body>`.
-- Lists return the whole list object (read `.items`); 404 gives `{items = {}}`; any other
-- status but 200 raises `certmanager: LIST <path> HTTP <status>: <body>`. "Ready" (or
-- "Approved") means: the first condition of that type has status "True".

local M = {}

local Client = {}
Client.__index = Client

local CM = "/apis/cert-manager.io/v1"
local ACME = "/apis/acme.cert-manager.io/v1"

--- <group>/namespaces/<ns>/<plural>[/<name>]
local function path(group, ns, plural, name)
  local p = group .. "/namespaces/" .. ns .. "/" .. plural
  return name and p .. "/" .. name or p
end

--- GETs a path: the decoded JSON on 200, `missing` on 404, else an error naming `verb`.
local function fetch(self, verb, p, missing)
  if self.token == nil then error("certmanager: the client has no token") end
  local resp = http.get(self.url .. p, { headers = { Authorization = "Bearer " .. self.token } })
  if resp.status == 404 then return missing end
  if resp.status ~= 200 then
    error("certmanager: " .. verb .. " " .. p .. " HTTP " .. resp.status .. ": " .. resp.body)
  end
  return json.parse(resp.body)
end

local function get(self, p) return fetch(self, "GET", p, nil) end
local function list(self, p) return fetch(self, "LIST", p, { items = {} }) end

--- Whether the first condition of `type` of a resource is "True" (false for nil).
local function condition_true(resource, type)
  local conditions = resource and resource.status and resource.status.conditions or {}
  for _, cond in ipairs(conditions) do
    if cond.type == type then return cond.status == "True" end
  end
  return false
end

--- A readiness summary of a list object's items.
local function tally(list_object)
  local items = list_object.items or {}
  local s = { ready = 0, not_ready = 0, total = #items, not_ready_names = {} }
  for _, item in ipairs(items) do
    if condition_true(item, "Ready") then
      s.ready = s.ready + 1
    else
      s.not_ready = s.not_ready + 1
      s.not_ready_names[#s.not_ready_names + 1] = (item.metadata or {}).name or "unknown"
    end
  end
  return s
end

--- Creates a client.
-- @param url string the Kubernetes API server URL (trailing slashes are stripped)
-- @param token string bearer token
-- @return client with public fields `url`, `token`
function M.client(url, token)
  if type(url) ~= "string" then error("certmanager.client: url must be a string", 2) end
  return setmetatable({ url = (url:gsub("/+$", "")), token = token }, Client)
end

--- Lists Certificates.
-- @param ns string namespace
-- @return the list object (`items`; `{items = {}}` on 404)
function Client:certificates(ns) return list(self, path(CM, ns, "certificates")) end

--- Gets a Certificate.
-- @param ns string namespace
-- @param name string name
-- @return the resource, or nil when it does not exist
function Client:certificate(ns, name) return get(self, path(CM, ns, "certificates", name)) end

--- A Certificate's status summary.
-- @param ns string namespace
-- @param name string name
-- @return `{ready, not_after, not_before, renewal_time, revision, conditions}`, or nil when it does not exist
function Client:certificate_status(ns, name)
  local cert = self:certificate(ns, name)
  if cert == nil then return nil end
  local status = cert.status or {}
  return {
    ready = condition_true(cert, "Ready"),
    not_after = status.notAfter,
    not_before = status.notBefore,
    renewal_time = status.renewalTime,
    revision = status.revision,
    conditions = status.conditions or {},
  }
end

--- Whether a Certificate is ready (false when it does not exist).
-- @param ns string namespace
-- @param name string name
-- @return boolean
function Client:is_certificate_ready(ns, name) return condition_true(self:certificate(ns, name), "Ready") end

--- Waits until a Certificate is ready. HTTP errors are raised at once; the last poll is made
-- at the deadline.
-- @param ns string namespace
-- @param name string name
-- @param timeout_secs number|nil how long to wait (default 300)
-- @param opts table|nil `interval`: seconds between polls (default 5)
-- @return true; raises `certmanager: timeout waiting for certificate <ns>/<name> to be ready`
function Client:wait_certificate_ready(ns, name, timeout_secs, opts)
  timeout_secs = timeout_secs or 300
  local interval = opts and opts.interval or 5
  local deadline = time() + timeout_secs
  while true do
    if self:is_certificate_ready(ns, name) then return true end
    local left = deadline - time()
    if left <= 0 then
      error("certmanager: timeout waiting for certificate " .. ns .. "/" .. name .. " to be ready")
    end
    sleep(math.min(interval, left))
  end
end

--- Lists Issuers.
-- @param ns string namespace
-- @return the list object (`items`; `{items = {}}` on 404)
function Client:issuers(ns) return list(self, path(CM, ns, "issuers")) end

--- Gets an Issuer.
-- @param ns string namespace
-- @param name string name
-- @return the resource, or nil when it does not exist
function Client:issuer(ns, name) return get(self, path(CM, ns, "issuers", name)) end

--- Whether an Issuer is ready (false when it does not exist).
-- @param ns string namespace
-- @param name string name
-- @return boolean
function Client:is_issuer_ready(ns, name) return condition_true(self:issuer(ns, name), "Ready") end

--- Lists ClusterIssuers.
-- @return the list object (`items`; `{items = {}}` on 404)
function Client:cluster_issuers() return list(self, CM .. "/clusterissuers") end

--- Gets a ClusterIssuer.
-- @param name string name
-- @return the resource, or nil when it does not exist
function Client:cluster_issuer(name) return get(self, CM .. "/clusterissuers/" .. name) end

--- Whether a ClusterIssuer is ready (false when it does not exist).
-- @param name string name
-- @return boolean
function Client:is_cluster_issuer_ready(name) return condition_true(self:cluster_issuer(name), "Ready") end

--- Lists CertificateRequests.
-- @param ns string namespace
-- @return the list object (`items`; `{items = {}}` on 404)
function Client:certificate_requests(ns) return list(self, path(CM, ns, "certificaterequests")) end

--- Gets a CertificateRequest.
-- @param ns string namespace
-- @param name string name
-- @return the resource, or nil when it does not exist
function Client:certificate_request(ns, name) return get(self, path(CM, ns, "certificaterequests", name)) end

--- Whether a CertificateRequest is approved (its "Approved" condition; false when it does not exist).
-- @param ns string namespace
-- @param name string name
-- @return boolean
function Client:is_request_approved(ns, name) return condition_true(self:certificate_request(ns, name), "Approved") end

--- Lists ACME Orders.
-- @param ns string namespace
-- @return the list object (`items`; `{items = {}}` on 404)
function Client:orders(ns) return list(self, path(ACME, ns, "orders")) end

--- Gets an ACME Order.
-- @param ns string namespace
-- @param name string name
-- @return the resource, or nil when it does not exist
function Client:order(ns, name) return get(self, path(ACME, ns, "orders", name)) end

--- Lists ACME Challenges.
-- @param ns string namespace
-- @return the list object (`items`; `{items = {}}` on 404)
function Client:challenges(ns) return list(self, path(ACME, ns, "challenges")) end

--- Gets an ACME Challenge.
-- @param ns string namespace
-- @param name string name
-- @return the resource, or nil when it does not exist
function Client:challenge(ns, name) return get(self, path(ACME, ns, "challenges", name)) end

--- Readiness of the Certificates of a namespace.
-- @param ns string namespace
-- @return `{ready, not_ready, total, not_ready_names}` (a nameless item counts as "unknown")
function Client:all_certificates_ready(ns) return tally(self:certificates(ns)) end

--- Readiness of the Issuers of a namespace.
-- @param ns string namespace
-- @return `{ready, not_ready, total, not_ready_names}` (a nameless item counts as "unknown")
function Client:all_issuers_ready(ns) return tally(self:issuers(ns)) end

return M
