--- @module assay.argocd
-- Argo CD REST API client, v0.4-compatible: applications (get, sync, refresh, rollback,
-- resource tree, manifests, delete), projects, repositories, clusters, settings, version,
-- and waits for an application to become healthy or synced.
--
--   local argocd = require("assay.argocd")
--   local c = argocd.client("https://argocd.example.com", { token = env.get("ARGOCD_TOKEN") })
--   c:sync("guestbook", { prune = true })
--   c:wait_healthy("guestbook", 300)
--
-- Every request sends `Content-Type: application/json` and an `Authorization` header: Bearer
-- `token`, else Basic `username:password`, else none. Any status but exactly 200 raises
-- `argocd: <METHOD> <path> HTTP <status>: <body>`. Names and query values are sent as given
-- (as v0.4 did; the HTTP layer percent-encodes spaces and quotes), except that repository
-- and cluster URLs are percent-encoded and `+`, `&`, `#` in query values are encoded.

local rest = require("assay.internal.rest")

local M = {}

local Client = {}
Client.__index = Client

local APPS = "/api/v1/applications/"

--- Sends one request and decodes the JSON answer; anything but 200 is an error. A DELETE
-- answered with an empty body gives nil.
local function request(self, method, path, body)
  return rest.request(self.url, method, path, body, {
    name = "argocd", headers = rest.json_headers(self.token, self.username, self.password),
    empty = method == "DELETE",
  })
end

local query = rest.query

--- Percent-encodes every byte outside [A-Za-z0-9-_.~] (upper-case hex), for URLs in paths.
local function url_encode(s)
  return (s:gsub("[^%w%-_.~]", function(ch) return ("%%%02X"):format(ch:byte()) end))
end

--- Polls check(self, name) until it is true or timeout_secs have passed (the last poll is
-- made at the deadline).
local function wait_for(self, name, timeout_secs, opts, check, what)
  if rest.poll(function() return check(self, name) end, timeout_secs, opts and opts.interval or 2) then return true end
  error("argocd: timeout waiting for " .. name .. " to become " .. what)
end

--- Creates a client.
-- @param url string the Argo CD server URL (trailing slashes are stripped)
-- @param opts table|nil `token` (Bearer), or `username` and `password` (Basic)
-- @return client with public fields `url`, `token`, `username`, `password`
function M.client(url, opts)
  if type(url) ~= "string" then error("argocd.client: url must be a string", 2) end
  opts = opts or {}
  return setmetatable({
    url = rest.base(url),
    token = opts.token,
    username = opts.username,
    password = opts.password,
  }, Client)
end

--- Lists applications.
-- @param opts table|nil `project` (project name), `selector` (label selector)
-- @return list of application objects (`{}` when there are none)
function Client:applications(opts)
  opts = opts or {}
  local qs = query({ { "project", opts.project or nil }, { "selector", opts.selector or nil } })
  return request(self, "GET", "/api/v1/applications" .. qs).items or {}
end

--- Gets one application.
-- @param name string application name
-- @return the application object (`metadata`, `spec`, `status.sync`, `status.health`, ...)
function Client:application(name)
  return request(self, "GET", APPS .. name)
end

--- Health and sync state of an application.
-- @param name string application name
-- @return `{status = health status, sync = sync status, message = health message}`
function Client:app_health(name)
  local status = self:application(name).status or {}
  local health, sync = status.health or {}, status.sync or {}
  return { status = health.status, sync = sync.status, message = health.message }
end

--- Starts a sync.
-- @param name string application name
-- @param opts table|nil `revision`, `prune` (boolean), `dry_run` (boolean, sent as `dryRun`), `strategy` (table)
-- @return the application object Argo CD answers with
function Client:sync(name, opts)
  opts = opts or {}
  local body = { revision = opts.revision or nil, prune = opts.prune, dryRun = opts.dry_run, strategy = opts.strategy or nil }
  return request(self, "POST", APPS .. name .. "/sync", body)
end

--- Refreshes an application (GET with `?refresh=`).
-- @param name string application name
-- @param opts table|nil `type`: "normal" (default) or "hard"
-- @return the application object
function Client:refresh(name, opts)
  return request(self, "GET", APPS .. name .. query({ { "refresh", (opts or {}).type or "normal" } }))
end

--- Rolls an application back to a history entry.
-- @param name string application name
-- @param id integer history id
-- @return the application object
function Client:rollback(name, id)
  return request(self, "PUT", APPS .. name .. "/rollback", { id = id })
end

--- The resource tree of an application.
-- @param name string application name
-- @return the tree (`nodes`, ...)
function Client:app_resources(name)
  return request(self, "GET", APPS .. name .. "/resource-tree")
end

--- The rendered manifests of an application.
-- @param name string application name
-- @param opts table|nil `revision`
-- @return `{manifests = {...}, revision = ...}`
function Client:app_manifests(name, opts)
  return request(self, "GET", APPS .. name .. "/manifests" .. query({ { "revision", (opts or {}).revision or nil } }))
end

--- Deletes an application.
-- @param name string application name
-- @param opts table|nil `cascade` (boolean), `propagation_policy` ("foreground", "background", ...)
-- @return the decoded answer, or nil when it is empty
function Client:delete_app(name, opts)
  opts = opts or {}
  local qs = query({ { "cascade", opts.cascade }, { "propagationPolicy", opts.propagation_policy or nil } })
  return request(self, "DELETE", APPS .. name .. qs)
end

--- Lists projects.
-- @return list of project objects
function Client:projects()
  return request(self, "GET", "/api/v1/projects").items or {}
end

--- Gets one project.
-- @param name string project name
-- @return the project object
function Client:project(name)
  return request(self, "GET", "/api/v1/projects/" .. name)
end

--- Lists repositories.
-- @return list of repository objects
function Client:repositories()
  return request(self, "GET", "/api/v1/repositories").items or {}
end

--- Gets one repository.
-- @param repo_url string the repository URL (percent-encoded into the path)
-- @return the repository object
function Client:repository(repo_url)
  return request(self, "GET", "/api/v1/repositories/" .. url_encode(repo_url))
end

--- Lists clusters.
-- @return list of cluster objects
function Client:clusters()
  return request(self, "GET", "/api/v1/clusters").items or {}
end

--- Gets one cluster.
-- @param server_url string the cluster's API server URL (percent-encoded into the path)
-- @return the cluster object
function Client:cluster(server_url)
  return request(self, "GET", "/api/v1/clusters/" .. url_encode(server_url))
end

--- The server settings.
-- @return the settings object
function Client:settings()
  return request(self, "GET", "/api/v1/settings")
end

--- The server version.
-- @return `{Version = ..., BuildDate = ..., GitCommit = ..., ...}`
function Client:version()
  return request(self, "GET", "/api/version")
end

--- Whether an application's health is "Healthy".
-- @param name string application name
-- @return boolean
function Client:is_healthy(name)
  return self:app_health(name).status == "Healthy"
end

--- Whether an application's sync status is "Synced".
-- @param name string application name
-- @return boolean
function Client:is_synced(name)
  return self:app_health(name).sync == "Synced"
end

--- Waits until an application is healthy (the last poll is made at the deadline). HTTP
-- errors are raised at once.
-- @param name string application name
-- @param timeout_secs number how long to wait
-- @param opts table|nil `interval`: seconds between polls (default 2)
-- @return true; raises `argocd: timeout waiting for <name> to become healthy`
function Client:wait_healthy(name, timeout_secs, opts)
  return wait_for(self, name, timeout_secs, opts, Client.is_healthy, "healthy")
end

--- Waits until an application is synced (the last poll is made at the deadline). HTTP
-- errors are raised at once.
-- @param name string application name
-- @param timeout_secs number how long to wait
-- @param opts table|nil `interval`: seconds between polls (default 2)
-- @return true; raises `argocd: timeout waiting for <name> to become synced`
function Client:wait_synced(name, timeout_secs, opts)
  return wait_for(self, name, timeout_secs, opts, Client.is_synced, "synced")
end

return M
