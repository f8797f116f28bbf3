--- @module assay.crossplane
-- Crossplane client over the Kubernetes API, v0.4-compatible: Providers (and their
-- revisions), Configurations, Functions, composite resource definitions (XRDs),
-- Compositions, any cluster-scoped managed resource, their health conditions, and summaries.
--
--   local crossplane = require("assay.crossplane")
--   local c = crossplane.client("https://kubernetes.default.svc", token)
--   assert(c:is_provider_healthy("provider-aws-s3"))
--   assert(c:is_managed_ready("s3.aws.upbound.io", "v1beta1", "buckets", "logs"))
--
-- Requests send `Authorization: Bearer <token>` (a token is required). Getting one resource
-- gives nil on 404; any other status but 200 raises `crossplane: GET <path> HTTP <status>: <body>`.
-- Lists return the whole list object (read `.items`); 404 gives `{items = {}}`; any other
-- status but 200 raises `crossplane: LIST <path> HTTP <status>: <body>`. A check such as
-- "healthy" means: the first condition of that type ("Healthy", "Installed", "Established",
-- "Ready") has status "True"; a missing resource is false.

local kube = require("assay.internal.kube")

local M = {}

local Client = {}
Client.__index = Client

local PKG = "/apis/pkg.crossplane.io/v1"
local PKG_BETA = "/apis/pkg.crossplane.io/v1beta1"
local EXT = "/apis/apiextensions.crossplane.io/v1"

local api = kube.api("crossplane", { check_token = true, empty_list_on_404 = true })
local get, list = api.get, api.list
local condition_true = kube.is_true

--- Creates a client.
-- @param url string the Kubernetes API server URL (trailing slashes are stripped)
-- @param token string bearer token
-- @return client with public fields `url`, `token`
function M.client(url, token)
  return (kube.client(Client, "crossplane", url, token, 2))
end

--- Lists Providers.
-- @return the list object (`items`; `{items = {}}` on 404)
function Client:providers() return list(self, PKG .. "/providers") end

--- Gets a Provider.
-- @param name string name
-- @return the resource, or nil when it does not exist
function Client:provider(name) return get(self, PKG .. "/providers/" .. name) end

--- Whether a Provider is healthy.
-- @param name string name
-- @return boolean
function Client:is_provider_healthy(name) return condition_true(self:provider(name), "Healthy") end

--- Whether a Provider is installed.
-- @param name string name
-- @return boolean
function Client:is_provider_installed(name) return condition_true(self:provider(name), "Installed") end

--- A Provider's status summary.
-- @param name string name
-- @return `{installed, healthy, current_revision, conditions}`; raises `crossplane: provider not found: <name>` when it does not exist
function Client:provider_status(name)
  local p = self:provider(name)
  if p == nil then error("crossplane: provider not found: " .. name) end
  local status = p.status or {}
  return {
    installed = condition_true(p, "Installed"),
    healthy = condition_true(p, "Healthy"),
    current_revision = status.currentRevision,
    conditions = status.conditions or {},
  }
end

--- Lists ProviderRevisions.
-- @return the list object (`items`; `{items = {}}` on 404)
function Client:provider_revisions() return list(self, PKG .. "/providerrevisions") end

--- Gets a ProviderRevision.
-- @param name string name
-- @return the resource, or nil when it does not exist
function Client:provider_revision(name) return get(self, PKG .. "/providerrevisions/" .. name) end

--- Lists Configurations.
-- @return the list object (`items`; `{items = {}}` on 404)
function Client:configurations() return list(self, PKG .. "/configurations") end

--- Gets a Configuration.
-- @param name string name
-- @return the resource, or nil when it does not exist
function Client:configuration(name) return get(self, PKG .. "/configurations/" .. name) end

--- Whether a Configuration is healthy.
-- @param name string name
-- @return boolean
function Client:is_configuration_healthy(name) return condition_true(self:configuration(name), "Healthy") end

--- Whether a Configuration is installed.
-- @param name string name
-- @return boolean
function Client:is_configuration_installed(name) return condition_true(self:configuration(name), "Installed") end

--- Lists composition Functions (pkg.crossplane.io/v1beta1).
-- @return the list object (`items`; `{items = {}}` on 404)
function Client:functions() return list(self, PKG_BETA .. "/functions") end

--- Gets a composition Function (named `xfunction` because `function` is a Lua keyword).
-- @param name string name
-- @return the resource, or nil when it does not exist
function Client:xfunction(name) return get(self, PKG_BETA .. "/functions/" .. name) end

--- Whether a composition Function is healthy.
-- @param name string name
-- @return boolean
function Client:is_function_healthy(name) return condition_true(self:xfunction(name), "Healthy") end

--- Lists CompositeResourceDefinitions.
-- @return the list object (`items`; `{items = {}}` on 404)
function Client:xrds() return list(self, EXT .. "/compositeresourcedefinitions") end

--- Gets a CompositeResourceDefinition.
-- @param name string name (e.g. "xdatabases.example.org")
-- @return the resource, or nil when it does not exist
function Client:xrd(name) return get(self, EXT .. "/compositeresourcedefinitions/" .. name) end

--- Whether a CompositeResourceDefinition is established.
-- @param name string name
-- @return boolean
function Client:is_xrd_established(name) return condition_true(self:xrd(name), "Established") end

--- Lists Compositions.
-- @return the list object (`items`; `{items = {}}` on 404)
function Client:compositions() return list(self, EXT .. "/compositions") end

--- Gets a Composition.
-- @param name string name
-- @return the resource, or nil when it does not exist
function Client:composition(name) return get(self, EXT .. "/compositions/" .. name) end

--- Gets a cluster-scoped managed resource: /apis/<group>/<version>/<plural>/<name>.
-- @param group string API group (e.g. "s3.aws.upbound.io")
-- @param version string API version (e.g. "v1beta1")
-- @param plural string resource plural (e.g. "buckets")
-- @param name string name
-- @return the resource, or nil when it does not exist
function Client:managed_resource(group, version, plural, name)
  return get(self, "/apis/" .. group .. "/" .. version .. "/" .. plural .. "/" .. name)
end

--- Whether a managed resource is ready (its "Ready" condition).
-- @param group string API group
-- @param version string API version
-- @param plural string resource plural
-- @param name string name
-- @return boolean
function Client:is_managed_ready(group, version, plural, name)
  return condition_true(self:managed_resource(group, version, plural, name), "Ready")
end

--- Lists cluster-scoped managed resources of one kind.
-- @param group string API group
-- @param version string API version
-- @param plural string resource plural
-- @return the list object (`items`; `{items = {}}` on 404)
function Client:managed_resources(group, version, plural)
  return list(self, "/apis/" .. group .. "/" .. version .. "/" .. plural)
end

--- Health of every Provider.
-- @return `{healthy, unhealthy, total, unhealthy_names}` (a nameless item counts as "unknown")
function Client:all_providers_healthy()
  local items = self:providers().items or {}
  local healthy, unhealthy, names = kube.tally(items, function(p) return condition_true(p, "Healthy") end, "unknown")
  return { healthy = healthy, unhealthy = unhealthy, total = #items, unhealthy_names = names }
end

--- Whether every CompositeResourceDefinition is established.
-- @return `{established, not_established, total}`
function Client:all_xrds_established()
  local items = self:xrds().items or {}
  local established, not_established = kube.tally(items, function(x) return condition_true(x, "Established") end)
  return { established = established, not_established = not_established, total = #items }
end

return M
