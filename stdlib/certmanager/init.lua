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

local kube = require("assay.internal.kube")
local rest = require("assay.internal.rest")

local M = {}

local Client = {}
Client.__index = Client

local CM = "/apis/cert-manager.io/v1"
local ACME = "/apis/acme.cert-manager.io/v1"

local path = kube.namespaced
local api = kube.api("certmanager", { check_token = true, empty_list_on_404 = true })
local get, list = api.get, api.list
local condition_true = kube.is_true

local function is_ready(resource) return condition_true(resource, "Ready") end

--- A readiness summary of a list object's items.
local function tally(list_object)
  local items = list_object.items or {}
  local ready, not_ready, names = kube.tally(items, is_ready, "unknown")
  return { ready = ready, not_ready = not_ready, total = #items, not_ready_names = names }
end

--- Creates a client.
-- @param url string the Kubernetes API server URL (trailing slashes are stripped)
-- @param token string bearer token
-- @return client with public fields `url`, `token`
function M.client(url, token)
  return (kube.client(Client, "certmanager", url, token, 2))
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
  local ready = rest.poll(function() return self:is_certificate_ready(ns, name) end,
    timeout_secs or 300, opts and opts.interval or 5)
  if not ready then
    error("certmanager: timeout waiting for certificate " .. ns .. "/" .. name .. " to be ready")
  end
  return true
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
