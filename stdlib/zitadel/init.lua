--- @module assay.zitadel
-- Zitadel identity management, v0.4-compatible (with the v0.4.1/0.4.2 fixes: 409 answers to
-- app creation, app search by name): the organisation's primary domain, projects, OIDC
-- applications, identity providers and the login policy, users' e-mail addresses.
--
--   local zitadel = require("assay.zitadel")
--   local c = zitadel.client({ url = "http://zitadel.auth:8080", domain = "example.com",
--                              machine_key_file = "/secrets/zitadel-admin-sa.json" })
--   local project = c:ensure_project("platform")
--   local app = c:ensure_oidc_app(project.id, { name = "grafana", subdomain = "grafana",
--                                               callbackPath = "/login/generic_oauth" })
--
-- Every request carries `Host: auth.<domain>` (the URL usually points at an in-cluster
-- service). API requests add `Authorization: Bearer <access token>` and
-- `Content-Type: application/json`; a POST or PUT without a body sends `{}`. Most methods
-- report failures with `log.warn` and a false/nil result; `create_project` and
-- `create_oidc_app` raise `zitadel: failed to create ... (HTTP <status>): <body>`.

local M = {}

local Client = {}
Client.__index = Client

local api = require("assay.zitadel.api")
local request = api.request

local GRANT = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"
  .. "&scope=openid+urn%3Azitadel%3Aiam%3Aorg%3Aproject%3Aid%3Azitadel%3Aaud"

--- Exchanges a machine key ({userId, key, keyId}) for an access token: a JWT signed RS256
-- with the key (kid = keyId), posted as a jwt-bearer grant to /oauth/v2/token.
local function authenticate(self, key)
  assert.not_nil(key.userId, "zitadel: machine key missing userId")
  assert.not_nil(key.key, "zitadel: machine key missing key")
  assert.not_nil(key.keyId, "zitadel: machine key missing keyId")
  local now = time()
  local claims = { iss = key.userId, sub = key.userId, aud = "https://" .. self.host_header, iat = now, exp = now + 300 }
  local assertion = crypto.jwt_sign(claims, key.key, "RS256", { kid = key.keyId })
  local resp = http.post(self.url .. "/oauth/v2/token", GRANT .. "&assertion=" .. assertion, {
    headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Host"] = self.host_header },
  })
  if resp.status ~= 200 then
    error("zitadel: token exchange failed (HTTP " .. resp.status .. "): " .. resp.body)
  end
  local data = json.parse(resp.body)
  assert.not_nil(data.access_token, "zitadel: no access_token in token response")
  return data.access_token
end

--- Creates a client and authenticates it.
-- @param opts table `url` and `domain` (required), and one of `machine_key` (a table
--   `{userId, key, keyId}`), `machine_key_file` (a path to Zitadel's key JSON) or `token`
--   (an access token used as is)
-- @return client with public fields `url`, `domain`, `host_header`, `access_token`
function M.client(opts)
  opts = opts or {}
  assert.not_nil(opts.url, "zitadel.client: url required")
  assert.not_nil(opts.domain, "zitadel.client: domain required")
  local c = setmetatable({ url = opts.url:gsub("/+$", ""), domain = opts.domain, host_header = "auth." .. opts.domain }, Client)
  if opts.machine_key then
    c.access_token = authenticate(c, opts.machine_key)
  elseif opts.machine_key_file then
    c.access_token = authenticate(c, json.parse(fs.read(opts.machine_key_file)))
  elseif opts.token then
    c.access_token = opts.token
  else
    error("zitadel.client: one of machine_key, machine_key_file, or token required")
  end
  return c
end

-- Organisation ----------------------------------------------------------------------------

--- Makes `domain` the organisation's primary domain: adds it (an existing one, 409, is fine)
-- and sets it primary, unless it already is.
-- @param domain string the domain
-- @return boolean true on success, false (with a warning logged) on failure
function Client:ensure_primary_domain(domain)
  local resp = request(self, "GET", "/admin/v1/orgs/me/domains")
  if resp.status ~= 200 then
    log.warn("zitadel: could not list org domains (HTTP " .. resp.status .. ")")
    return false
  end
  for _, d in ipairs(json.parse(resp.body).result or {}) do
    if d.domainName == domain and d.isPrimary then
      log.info("Org primary domain already set to " .. domain)
      return true
    end
  end
  local added = request(self, "POST", "/admin/v1/orgs/me/domains", { domain = domain })
  if added.status ~= 200 and added.status ~= 409 then
    log.warn("zitadel: could not add domain (HTTP " .. added.status .. ")")
    return false
  end
  local primary = request(self, "POST", "/admin/v1/orgs/me/domains/" .. domain .. "/_set_primary", json.object({}))
  if primary.status ~= 200 then
    log.warn("zitadel: could not set primary domain (HTTP " .. primary.status .. ")")
    return false
  end
  log.info("Set org primary domain to " .. domain)
  return true
end

-- Projects --------------------------------------------------------------------------------

--- Finds a project by exact name.
-- @param name string the project's name
-- @return table|nil the project (`id`, `name`, ...), nil when none matches or the search fails
function Client:find_project(name)
  return api.find_by_name(self, "/management/v1/projects/_search", "nameQuery", name)
end

--- Creates a project; raises `zitadel: failed to create project '<name>' (HTTP <s>): <body>`.
-- @param name string the project's name
-- @param opts table|nil `projectRoleAssertion` (boolean)
-- @return table the answer (`id`, `details`)
function Client:create_project(name, opts)
  opts = opts or {}
  local resp = request(self, "POST", "/management/v1/projects", { name = name, projectRoleAssertion = opts.projectRoleAssertion })
  if resp.status ~= 200 then
    error("zitadel: failed to create project '" .. name .. "' (HTTP " .. resp.status .. "): " .. resp.body)
  end
  local data = json.parse(resp.body)
  log.info("Created project '" .. name .. "' (id=" .. tostring(data.id) .. ")")
  return data
end

--- Finds a project by name, creating it when missing.
-- @param name string the project's name
-- @param opts table|nil as for `create_project`
-- @return table the project
function Client:ensure_project(name, opts)
  local existing = self:find_project(name)
  if existing then
    log.info("Project '" .. name .. "' already exists (id=" .. tostring(existing.id) .. ")")
    return existing
  end
  return self:create_project(name, opts)
end

-- OIDC applications -----------------------------------------------------------------------

--- Finds an application of a project by exact name (searching by name, and listing all
-- apps when the server rejects that query, as older Zitadel versions do).
-- @param project_id string the project's id
-- @param name string the application's name
-- @return table|nil the app, nil when none matches or the search fails
function Client:find_app(project_id, name)
  local path = "/management/v1/projects/" .. project_id .. "/apps/_search"
  local resp = request(self, "POST", path, {
    query = { limit = 100 },
    queries = { api.name_query("nameQuery", name) },
  })
  if resp.status ~= 200 then
    resp = request(self, "POST", path, { query = { limit = 100 } })
    if resp.status ~= 200 then return nil end
  end
  for _, app in ipairs(json.parse(resp.body).result or {}) do
    if app.name == name then return app end
  end
  return nil
end

--- The body of an OIDC app creation: the caller's fields with Zitadel's usual defaults.
local function oidc_app_body(self, o)
  local site = o.subdomain and ("https://" .. o.subdomain .. "." .. self.domain) or nil
  return {
    name = o.name,
    redirectUris = o.redirectUris or { site .. (o.callbackPath or "") },
    postLogoutRedirectUris = o.postLogoutRedirectUris or { site .. "/" },
    responseTypes = o.responseTypes or { "OIDC_RESPONSE_TYPE_CODE" },
    grantTypes = o.grantTypes or { "OIDC_GRANT_TYPE_AUTHORIZATION_CODE", "OIDC_GRANT_TYPE_REFRESH_TOKEN" },
    appType = o.appType or "OIDC_APP_TYPE_WEB",
    authMethodType = o.authMethodType or "OIDC_AUTH_METHOD_TYPE_BASIC",
    accessTokenType = o.accessTokenType or "OIDC_TOKEN_TYPE_BEARER",
    accessTokenRoleAssertion = o.accessTokenRoleAssertion ~= false,
    idTokenRoleAssertion = o.idTokenRoleAssertion ~= false,
    idTokenUserinfoAssertion = o.idTokenUserinfoAssertion ~= false,
    devMode = o.devMode or false,
    clockSkew = o.clockSkew or "0s",
  }
end

--- Creates an OIDC application. 409 (it exists) returns the existing app, or the stub
-- `{id = "existing", name}` when the search cannot find it; any other status but 200 raises
-- `zitadel: failed to create OIDC app '<name>' (HTTP <s>): <body>`.
-- @param project_id string the project's id
-- @param o table `name`; `subdomain` and `callbackPath` (redirect URI
--   `https://<subdomain>.<domain><callbackPath>`, logout URI `https://<subdomain>.<domain>/`)
--   unless `redirectUris` and `postLogoutRedirectUris` are given; optional `responseTypes`,
--   `grantTypes`, `appType`, `authMethodType`, `accessTokenType`, `accessTokenRoleAssertion`,
--   `idTokenRoleAssertion`, `idTokenUserinfoAssertion`, `devMode`, `clockSkew`
-- @return table the answer (`appId`, `clientId`, `clientSecret`, ...) or the existing app
function Client:create_oidc_app(project_id, o)
  local resp = request(self, "POST", "/management/v1/projects/" .. project_id .. "/apps/oidc", oidc_app_body(self, o))
  if resp.status == 409 then
    log.info("OIDC app '" .. o.name .. "' already exists (409), looking up...")
    local existing = self:find_app(project_id, o.name)
    if existing then return existing end
    log.warn("OIDC app '" .. o.name .. "' exists (409) but search did not find it, returning stub")
    return { id = "existing", name = o.name }
  end
  if resp.status ~= 200 then
    error("zitadel: failed to create OIDC app '" .. o.name .. "' (HTTP " .. resp.status .. "): " .. resp.body)
  end
  local data = json.parse(resp.body)
  log.info("Created OIDC app '" .. o.name .. "' (clientId=" .. tostring(data.clientId) .. ")")
  return data
end

--- Finds an OIDC application by name, creating it when missing.
-- @param project_id string the project's id
-- @param o table as for `create_oidc_app`
-- @return table the app
function Client:ensure_oidc_app(project_id, o)
  local existing = self:find_app(project_id, o.name)
  if existing then
    log.info("OIDC app '" .. o.name .. "' already exists (id=" .. tostring(existing.id) .. ")")
    return existing
  end
  return self:create_oidc_app(project_id, o)
end

-- Identity providers, users and the login policy (assay.zitadel.login)
for name, method in pairs(require("assay.zitadel.login")) do Client[name] = method end

return M
