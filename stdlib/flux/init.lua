--- @module assay.flux
-- Flux CD client over the Kubernetes API, v0.4-compatible: sources (Git, Helm, OCI
-- repositories, Helm charts), Kustomizations, HelmReleases, notifications, image policies,
-- their readiness, and readiness summaries of a namespace.
--
--   local flux = require("assay.flux")
--   local c = flux.client("https://kubernetes.default.svc", token)
--   assert(c:is_kustomization_ready("flux-system", "apps"))
--   local s = c:all_helm_releases_ready("apps")   -- {ready, not_ready, total, not_ready_names}
--
-- Requests send `Authorization: Bearer <token>` (a token is required). Getting one resource
-- gives nil on 404; any other status but 200 raises `flux: GET <path> HTTP <status>: <body>`.
-- Lists return the whole list object (read `.items`); any status but 200 raises
-- `flux: LIST <path> HTTP <status>: <body>`. "Ready" means: the first condition of type
-- "Ready" has status "True".

local kube = require("assay.internal.kube")

local M = {}

local Client = {}
Client.__index = Client

local SOURCE = "/apis/source.toolkit.fluxcd.io/v1"
local SOURCE_V1BETA2 = "/apis/source.toolkit.fluxcd.io/v1beta2"
local KUSTOMIZE = "/apis/kustomize.toolkit.fluxcd.io/v1"
local HELM = "/apis/helm.toolkit.fluxcd.io/v2"
local NOTIFICATION = "/apis/notification.toolkit.fluxcd.io/v1beta3"
local NOTIFICATION_V1 = "/apis/notification.toolkit.fluxcd.io/v1"
local IMAGE = "/apis/image.toolkit.fluxcd.io/v1beta2"

local path = kube.namespaced
local api = kube.api("flux", { check_token = true })
local get, list = api.get, api.list

local function is_ready(resource) return kube.is_true(resource, "Ready") end

--- Adds the items of a list object to a readiness summary (a nameless item adds no name).
local function tally(summary, list_object)
  local ready, not_ready, names = kube.tally(list_object.items, is_ready)
  summary.ready, summary.not_ready = summary.ready + ready, summary.not_ready + not_ready
  summary.total = summary.total + ready + not_ready
  table.move(names, 1, #names, #summary.not_ready_names + 1, summary.not_ready_names)
  return summary
end

local function summary()
  return { ready = 0, not_ready = 0, total = 0, not_ready_names = {} }
end

--- The status summary shared by Kustomizations and HelmReleases (nil for nil).
local function reconcile_status(resource)
  if resource == nil then return nil end
  local status = resource.status or {}
  return {
    ready = is_ready(resource),
    revision = status.lastAttemptedRevision or "",
    last_applied_revision = status.lastAppliedRevision or "",
    conditions = status.conditions or {},
  }
end

--- Creates a client.
-- @param url string the Kubernetes API server URL (trailing slashes are stripped)
-- @param token string bearer token
-- @return client with public fields `url`, `token`
function M.client(url, token)
  return (kube.client(Client, "flux", url, token, 2))
end

--- Lists GitRepositories.
-- @param ns string namespace
-- @return the list object (`items`)
function Client:git_repositories(ns) return list(self, path(SOURCE, ns, "gitrepositories")) end

--- Gets a GitRepository.
-- @param ns string namespace
-- @param name string name
-- @return the resource, or nil when it does not exist
function Client:git_repository(ns, name) return get(self, path(SOURCE, ns, "gitrepositories", name)) end

--- Whether a GitRepository is ready (false when it does not exist).
-- @param ns string namespace
-- @param name string name
-- @return boolean
function Client:is_git_repo_ready(ns, name) return is_ready(self:git_repository(ns, name)) end

--- Lists HelmRepositories.
-- @param ns string namespace
-- @return the list object (`items`)
function Client:helm_repositories(ns) return list(self, path(SOURCE, ns, "helmrepositories")) end

--- Gets a HelmRepository.
-- @param ns string namespace
-- @param name string name
-- @return the resource, or nil when it does not exist
function Client:helm_repository(ns, name) return get(self, path(SOURCE, ns, "helmrepositories", name)) end

--- Whether a HelmRepository is ready (false when it does not exist).
-- @param ns string namespace
-- @param name string name
-- @return boolean
function Client:is_helm_repo_ready(ns, name) return is_ready(self:helm_repository(ns, name)) end

--- Lists HelmCharts.
-- @param ns string namespace
-- @return the list object (`items`)
function Client:helm_charts(ns) return list(self, path(SOURCE, ns, "helmcharts")) end

--- Lists OCIRepositories (source.toolkit.fluxcd.io/v1beta2).
-- @param ns string namespace
-- @return the list object (`items`)
function Client:oci_repositories(ns) return list(self, path(SOURCE_V1BETA2, ns, "ocirepositories")) end

--- Lists Kustomizations.
-- @param ns string namespace
-- @return the list object (`items`)
function Client:kustomizations(ns) return list(self, path(KUSTOMIZE, ns, "kustomizations")) end

--- Gets a Kustomization.
-- @param ns string namespace
-- @param name string name
-- @return the resource, or nil when it does not exist
function Client:kustomization(ns, name) return get(self, path(KUSTOMIZE, ns, "kustomizations", name)) end

--- Whether a Kustomization is ready (false when it does not exist).
-- @param ns string namespace
-- @param name string name
-- @return boolean
function Client:is_kustomization_ready(ns, name) return is_ready(self:kustomization(ns, name)) end

--- A Kustomization's status summary.
-- @param ns string namespace
-- @param name string name
-- @return `{ready, revision, last_applied_revision, conditions}` (revisions "" when absent), or nil when it does not exist
function Client:kustomization_status(ns, name) return reconcile_status(self:kustomization(ns, name)) end

--- Lists HelmReleases.
-- @param ns string namespace
-- @return the list object (`items`)
function Client:helm_releases(ns) return list(self, path(HELM, ns, "helmreleases")) end

--- Gets a HelmRelease.
-- @param ns string namespace
-- @param name string name
-- @return the resource, or nil when it does not exist
function Client:helm_release(ns, name) return get(self, path(HELM, ns, "helmreleases", name)) end

--- Whether a HelmRelease is ready (false when it does not exist).
-- @param ns string namespace
-- @param name string name
-- @return boolean
function Client:is_helm_release_ready(ns, name) return is_ready(self:helm_release(ns, name)) end

--- A HelmRelease's status summary.
-- @param ns string namespace
-- @param name string name
-- @return `{ready, revision, last_applied_revision, conditions}` (revisions "" when absent), or nil when it does not exist
function Client:helm_release_status(ns, name) return reconcile_status(self:helm_release(ns, name)) end

--- Lists notification Alerts (v1beta3).
-- @param ns string namespace
-- @return the list object (`items`)
function Client:alerts(ns) return list(self, path(NOTIFICATION, ns, "alerts")) end

--- Lists notification Providers (v1beta3).
-- @param ns string namespace
-- @return the list object (`items`)
function Client:providers_list(ns) return list(self, path(NOTIFICATION, ns, "providers")) end

--- Lists notification Receivers (v1).
-- @param ns string namespace
-- @return the list object (`items`)
function Client:receivers(ns) return list(self, path(NOTIFICATION_V1, ns, "receivers")) end

--- Lists ImagePolicies.
-- @param ns string namespace
-- @return the list object (`items`)
function Client:image_policies(ns) return list(self, path(IMAGE, ns, "imagepolicies")) end

--- Readiness of the Git and Helm repositories of a namespace.
-- @param ns string namespace
-- @return `{ready, not_ready, total, not_ready_names}`
function Client:all_sources_ready(ns)
  return tally(tally(summary(), self:git_repositories(ns)), self:helm_repositories(ns))
end

--- Readiness of the Kustomizations of a namespace.
-- @param ns string namespace
-- @return `{ready, not_ready, total, not_ready_names}`
function Client:all_kustomizations_ready(ns) return tally(summary(), self:kustomizations(ns)) end

--- Readiness of the HelmReleases of a namespace.
-- @param ns string namespace
-- @return `{ready, not_ready, total, not_ready_names}`
function Client:all_helm_releases_ready(ns) return tally(summary(), self:helm_releases(ns)) end

return M
