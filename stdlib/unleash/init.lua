--- @module assay.unleash
-- Unleash feature flags through the Admin API (as assay v0.4.4 shipped it): projects,
-- environments, features (toggles), their activation strategies and API tokens, a wait for
-- the server, and idempotent ensure_* helpers.
--
--   local unleash = require("assay.unleash")
--   local c = unleash.client("http://unleash:4242", env.get("UNLEASH_ADMIN_TOKEN"))
--   unleash.ensure_project(c, "checkout")
--   unleash.ensure_environment(c, "checkout", "production")
--   c:create_feature("checkout", { name = "new-flow", type = "release" })
--   c:add_strategy("checkout", "new-flow", "production", { name = "flexibleRollout",
--     parameters = { rollout = "25", stickiness = "default", groupId = "new-flow" } })
--   c:toggle_on("checkout", "new-flow", "production")
--
-- Every request sends `Content-Type: application/json` and, when the client has a token,
-- `Authorization: <token>` (as is: Unleash admin tokens are not Bearer tokens). Reads: 404
-- gives nil (lists give `{}`), another status but 200 raises
-- `unleash: GET <path> HTTP <status>: <body>`. Writes (POST, PUT, DELETE) accept any 2xx and
-- return the decoded answer (nil when empty); otherwise they raise
-- `unleash: <METHOD> <path> HTTP <status>: <body>`. Names are sent as given (not encoded).

local rest = require("assay.internal.rest")

local M = {}

local Client = {}
Client.__index = Client

local ADMIN = "/api/admin"

local function headers(self)
  local h = { ["Content-Type"] = "application/json" }
  if self.token then h["Authorization"] = self.token end
  return h
end

--- GET: the decoded JSON, nil on 404 (`on404`, default true) or an error unless 200.
local function get(self, path, on404)
  return rest.request(self.url, "GET", path, nil, { name = "unleash", headers = headers(self), on404 = on404 ~= false })
end

--- POST, PUT or DELETE: any 2xx is success; the decoded answer or nil when empty.
local function write(self, method, path, body)
  return rest.request(self.url, method, path, body, {
    name = "unleash", headers = headers(self), ok = rest.is_2xx, empty = true,
  })
end

local function project_path(project) return ADMIN .. "/projects/" .. project end
local function feature_path(project, name) return project_path(project) .. "/features/" .. name end
local function feature_env(project, name, env)
  return feature_path(project, name) .. "/environments/" .. env
end

--- Creates a client.
-- @param url string the Unleash URL (trailing slashes are stripped)
-- @param token string|table|nil an admin API token; or a table `{token = ...}` (v0.4.4's form)
-- @return client with public fields `url` and `token`
function M.client(url, token)
  if type(url) ~= "string" then error("unleash.client: url must be a string") end
  if type(token) == "table" then token = token.token end
  return setmetatable({ url = rest.base(url), token = token }, Client)
end

--- The server's health (`GET /health`); any status but 200 raises.
-- @return table `{health = "GOOD"}`
function Client:health()
  return get(self, "/health", false)
end

-- Projects --------------------------------------------------------------------------------

--- Lists the projects.
-- @return table the `projects` list (`{}` when none)
function Client:projects()
  local data = get(self, ADMIN .. "/projects")
  return data and data.projects or {}
end

--- Reads one project.
-- @param id string the project's id
-- @return table|nil the project, nil when it does not exist
function Client:project(id)
  return get(self, project_path(id))
end

--- Creates a project.
-- @param project table `{id, name, description?, mode?, ...}`
-- @return table|nil the created project
function Client:create_project(project)
  return write(self, "POST", ADMIN .. "/projects", project)
end

--- Updates a project.
-- @param id string the project's id
-- @param project table the new fields
-- @return table|nil the answer
function Client:update_project(id, project)
  return write(self, "PUT", project_path(id), project)
end

--- Deletes a project.
-- @param id string the project's id
-- @return table|nil the answer
function Client:delete_project(id)
  return write(self, "DELETE", project_path(id))
end

-- Environments ----------------------------------------------------------------------------

--- Lists the instance's environments.
-- @return table the `environments` list
function Client:environments()
  local data = get(self, ADMIN .. "/environments")
  return data and data.environments or {}
end

--- Enables an environment on a project.
-- @param project string the project's id
-- @param env string the environment's name
-- @return table|nil the answer
function Client:enable_environment(project, env)
  return write(self, "POST", project_path(project) .. "/environments", { environment = env })
end

--- Disables an environment on a project.
-- @param project string the project's id
-- @param env string the environment's name
-- @return table|nil the answer
function Client:disable_environment(project, env)
  return write(self, "DELETE", project_path(project) .. "/environments/" .. env)
end

-- Features --------------------------------------------------------------------------------

--- Lists the features (toggles) of a project.
-- @param project string the project's id
-- @return table the `features` list
function Client:features(project)
  local data = get(self, project_path(project) .. "/features")
  return data and data.features or {}
end

--- Reads one feature, with its environments and their strategies.
-- @param project string the project's id
-- @param name string the feature's name
-- @return table|nil the feature, nil when it does not exist
function Client:feature(project, name)
  return get(self, feature_path(project, name))
end

--- Creates a feature.
-- @param project string the project's id
-- @param feature table `{name, type?, description?, impressionData?}`
-- @return table|nil the created feature
function Client:create_feature(project, feature)
  return write(self, "POST", project_path(project) .. "/features", feature)
end

--- Updates a feature.
-- @param project string the project's id
-- @param name string the feature's name
-- @param feature table the new fields
-- @return table|nil the answer
function Client:update_feature(project, name, feature)
  return write(self, "PUT", feature_path(project, name), feature)
end

--- Archives a feature (Unleash's DELETE of a feature).
-- @param project string the project's id
-- @param name string the feature's name
-- @return table|nil the answer
function Client:archive_feature(project, name)
  return write(self, "DELETE", feature_path(project, name))
end

--- Turns a feature on in an environment.
-- @param project string the project's id
-- @param name string the feature's name
-- @param env string the environment's name
-- @return table|nil the answer (usually nil: Unleash answers with an empty body)
function Client:toggle_on(project, name, env)
  return write(self, "POST", feature_env(project, name, env) .. "/on", json.object({}))
end

--- Turns a feature off in an environment.
-- @param project string the project's id
-- @param name string the feature's name
-- @param env string the environment's name
-- @return table|nil the answer
function Client:toggle_off(project, name, env)
  return write(self, "POST", feature_env(project, name, env) .. "/off", json.object({}))
end

-- Strategies ------------------------------------------------------------------------------

--- Lists a feature's activation strategies in an environment.
-- @param project string the project's id
-- @param name string the feature's name
-- @param env string the environment's name
-- @return table the list of strategies (`{}` when none or not found)
function Client:strategies(project, name, env)
  local data = get(self, feature_env(project, name, env) .. "/strategies")
  if not data then return {} end
  return data.strategies or data
end

--- Adds an activation strategy to a feature in an environment.
-- @param project string the project's id
-- @param name string the feature's name
-- @param env string the environment's name
-- @param strategy table `{name, parameters?, constraints?, segments?}`
-- @return table|nil the created strategy (with its `id`)
function Client:add_strategy(project, name, env, strategy)
  return write(self, "POST", feature_env(project, name, env) .. "/strategies", strategy)
end

--- Replaces one activation strategy.
-- @param project string the project's id
-- @param name string the feature's name
-- @param env string the environment's name
-- @param id string the strategy's id
-- @param strategy table the strategy
-- @return table|nil the answer
function Client:update_strategy(project, name, env, id, strategy)
  return write(self, "PUT", feature_env(project, name, env) .. "/strategies/" .. id, strategy)
end

--- Removes one activation strategy.
-- @param project string the project's id
-- @param name string the feature's name
-- @param env string the environment's name
-- @param id string the strategy's id
-- @return table|nil the answer
function Client:delete_strategy(project, name, env, id)
  return write(self, "DELETE", feature_env(project, name, env) .. "/strategies/" .. id)
end

-- API tokens ------------------------------------------------------------------------------

--- Lists the API tokens.
-- @return table the `tokens` list
function Client:tokens()
  local data = get(self, ADMIN .. "/api-tokens")
  return data and data.tokens or {}
end

--- Creates an API token.
-- @param config table `{username (or tokenName), type ("client"|"frontend"|"admin"),
--   environment?, projects?}`
-- @return table|nil the token (its `secret`)
function Client:create_token(config)
  return write(self, "POST", ADMIN .. "/api-tokens", config)
end

--- Deletes an API token.
-- @param secret string the token's secret
-- @return table|nil the answer
function Client:delete_token(secret)
  return write(self, "DELETE", ADMIN .. "/api-tokens/" .. secret)
end

-- Module helpers ------------------------------------------------------------------------

--- Polls `<url>/health` until it answers 200; raises
-- `unleash.wait: not reachable at <url> after <timeout>s`.
-- @param url string the Unleash URL
-- @param opts table|nil `timeout` (seconds, default 60), `interval` (seconds, default 2)
-- @return boolean true
function M.wait(url, opts)
  opts = opts or {}
  local timeout, interval = opts.timeout or 60, opts.interval or 2
  local attempts = math.max(1, math.ceil(timeout / interval))
  local base = rest.base(url)
  for i = 1, attempts do
    local ok, resp = pcall(http.get, base .. "/health")
    if ok and resp.status == 200 then
      log.info("Unleash healthy after " .. tostring(i * interval) .. "s")
      return true
    end
    if i == attempts then break end
    log.info("Waiting for Unleash... (" .. i .. "/" .. attempts .. ")")
    sleep(interval)
  end
  error("unleash.wait: not reachable at " .. url .. " after " .. tostring(timeout) .. "s")
end

--- Returns a project, creating it (`{id, name = opts.name or id, description?}`) when missing.
-- @param client client an unleash client
-- @param id string the project's id
-- @param opts table|nil `name`, `description`
-- @return table the existing or created project
function M.ensure_project(client, id, opts)
  opts = opts or {}
  local existing = client:project(id)
  if existing then
    log.info("Project already exists: " .. id)
    return existing
  end
  local created = client:create_project({ id = id, name = opts.name or id, description = opts.description })
  log.info("Created project: " .. id)
  return created
end

--- Enables an environment on a project; an "already enabled" refusal (409, or a message
-- saying "already") counts as success. Other failures raise `unleash.ensure_environment: ...`.
-- @param client client an unleash client
-- @param project string the project's id
-- @param env string the environment's name
-- @return boolean true
function M.ensure_environment(client, project, env)
  local ok, err = pcall(client.enable_environment, client, project, env)
  if ok then
    log.info("Enabled environment " .. env .. " on project " .. project)
    return true
  end
  local msg = tostring(err)
  if msg:find("HTTP 409", 1, true) or msg:find("already", 1, true) then
    log.info("Environment " .. env .. " already enabled on project " .. project)
    return true
  end
  error("unleash.ensure_environment: " .. msg)
end

--- Returns the API token of a user name and type (and environment, when given), creating it
-- when missing.
-- @param client client an unleash client
-- @param opts table `username` and `type` (required), `environment`, `projects`
-- @return table the existing or created token
function M.ensure_token(client, opts)
  assert.not_nil(opts.username, "unleash.ensure_token: opts.username is required")
  assert.not_nil(opts.type, "unleash.ensure_token: opts.type is required")
  local label = opts.username .. " (" .. opts.type .. ")"
  for _, t in ipairs(client:tokens()) do
    local same = (t.username == opts.username or t.tokenName == opts.username) and t.type == opts.type
    if same and (opts.environment == nil or t.environment == opts.environment) then
      log.info("Token already exists for " .. label)
      return t
    end
  end
  local created = client:create_token({
    username = opts.username, type = opts.type, environment = opts.environment, projects = opts.projects,
  })
  log.info("Created token for " .. label)
  return created
end

return M
