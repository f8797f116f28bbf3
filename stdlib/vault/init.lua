--- @module assay.vault
-- HashiCorp Vault (and OpenBao) over its HTTP API, with the function names of assay v0.4:
-- raw read/write/delete/list, KV v2, seal status and health, ACL policies, auth methods,
-- secrets engines and tokens on a client; transit and PKI in `assay.vault.transit` and
-- `assay.vault.pki`, whose functions are client methods too (`c:transit_encrypt`,
-- `c:pki_issue`, ...); and the helpers `wait`, `authenticated_client`, `ensure_credentials`,
-- `assert_secret`.
--
--   local vault = require("assay.vault")
--   local c = vault.client(env.get("VAULT_ADDR"), env.get("VAULT_TOKEN"))
--   local secret = c:kv_get("secret", "myapp/config")   -- {data = {...}, metadata = {...}} or nil
--   log.info(secret.data.db_password)
--
-- Every request sends `X-Vault-Token` (except health, seal-status and the PKI CA) through the
-- global `http` functions. Status rules, `<path>` starting at `/v1/`:
--   GET        200 → the JSON; 404 → nil; else error `vault: GET <path> HTTP <s>: <body>`
--   POST, PUT  200 → the JSON; 204 → nil; else `vault: POST|PUT <path> HTTP <s>: <body>`
--   DELETE     200 or 204 → nil; else `vault: DELETE <path> HTTP <s>: <body>`
--   LIST       GET <path>?list=true; 404 → {}; else non-200 → `vault: LIST <path> HTTP <s>: <body>`;
--              200 → `data.keys` (or {})
-- Vault's envelopes are unwrapped where the v0.4 functions did (`data`, `auth`); see each one.

local transit = require("assay.vault.transit")
local pki = require("assay.vault.pki")

local M = {}

local Client = {}
Client.__index = Client

--- Creates a client.
-- @param url string Vault's address (`http://vault:8200`); trailing slashes are stripped
-- @param token string the token sent as `X-Vault-Token` (a table `{token = "..."}` is accepted too)
-- @return client, a table with the public fields `url` and `token` and the methods below
function M.client(url, token)
  if type(url) ~= "string" then error("vault.client: url must be a string", 2) end
  if type(token) == "table" then token = token.token end
  return setmetatable({ url = (url:gsub("/+$", "")), token = token }, Client)
end

-- ===== Requests (shared with assay.vault.transit and assay.vault.pki) =====

--- Sends one request to `url .. path` and returns the http response.
-- @param method string GET, POST, PUT or DELETE
-- @param path string starting with `/v1/` (may carry a query)
-- @param body string|table|nil the body (POST and PUT)
-- @param anonymous boolean|nil true: no `X-Vault-Token`
-- @return the response `{status, body, headers}`, whatever its status
function Client:_request(method, path, body, anonymous)
  local opts = { headers = anonymous and {} or { ["X-Vault-Token"] = self.token } }
  local send = http[method:lower()]
  if method == "GET" or method == "DELETE" then return send(self.url .. path, opts) end
  return send(self.url .. path, body, opts)
end

local function fail(verb, path, resp)
  error("vault: " .. verb .. " " .. path .. " HTTP " .. resp.status .. ": " .. resp.body)
end

--- GET: the JSON on 200, nil on 404, else an error.
function Client:_get(path)
  local resp = self:_request("GET", path)
  if resp.status == 404 then return nil end
  if resp.status ~= 200 then fail("GET", path, resp) end
  return json.parse(resp.body)
end

--- POST or PUT: the JSON on 200, nil on 204, else an error.
function Client:_send(method, path, body)
  local resp = self:_request(method, path, body)
  if resp.status == 204 then return nil end
  if resp.status ~= 200 then fail(method, path, resp) end
  return json.parse(resp.body)
end

--- POST (see _send).
function Client:_post(path, body) return self:_send("POST", path, body) end

--- PUT (see _send).
function Client:_put(path, body) return self:_send("PUT", path, body) end

--- DELETE: nil on 200 or 204, else an error.
function Client:_delete(path)
  local resp = self:_request("DELETE", path)
  if resp.status ~= 200 and resp.status ~= 204 then fail("DELETE", path, resp) end
end

--- LIST (GET with ?list=true): the keys, {} on 404, else an error.
function Client:_list(path)
  local resp = self:_request("GET", path .. "?list=true")
  if resp.status == 404 then return {} end
  if resp.status ~= 200 then fail("LIST", path, resp) end
  return (json.parse(resp.body).data or {}).keys or {}
end

--- `j.data`, nil when j is nil (404 or 204).
local function data_of(j) return j and j.data end

-- ===== Raw API =====

--- Reads a path.
-- @param path string without `/v1/` (`secret/data/app`, `sys/mounts`)
-- @return the response's `data`, or nil (404)
function Client:read(path) return data_of(self:_get("/v1/" .. path)) end

--- Writes a path (POST).
-- @param path string without `/v1/`
-- @param payload table|string|nil the body
-- @return the response JSON, or nil (204)
function Client:write(path, payload) return self:_post("/v1/" .. path, payload) end

--- Deletes a path.
-- @param path string without `/v1/`
-- @return nil
function Client:delete(path) return self:_delete("/v1/" .. path) end

--- Lists the keys under a path.
-- @param path string without `/v1/`
-- @return array of keys ({} when there are none)
function Client:list(path) return self:_list("/v1/" .. path) end

-- ===== KV version 2 =====

--- Reads a KV v2 secret.
-- @param mount string the KV mount (`secret`)
-- @param key string the secret's path in the mount
-- @return `{data = {...}, metadata = {...}}` (fields are in `.data`), or nil (404)
function Client:kv_get(mount, key) return self:read(mount .. "/data/" .. key) end

--- Writes a KV v2 secret (body `{data = data}`).
-- @param mount string
-- @param key string
-- @param data table the secret's fields
-- @return the response JSON (`{data = {version, created_time, ...}}`), or nil (204)
function Client:kv_put(mount, key, data) return self:write(mount .. "/data/" .. key, { data = data }) end

--- Deletes the latest version of a KV v2 secret.
-- @param mount string
-- @param key string
-- @return nil
function Client:kv_delete(mount, key) return self:delete(mount .. "/data/" .. key) end

--- Lists KV v2 keys (LIST `<mount>/metadata/<prefix>`).
-- @param mount string
-- @param prefix string|nil default ""; folders end with "/"
-- @return array of keys
function Client:kv_list(mount, prefix) return self:list(mount .. "/metadata/" .. (prefix or "")) end

--- Reads a KV v2 secret's metadata.
-- @param mount string
-- @param key string
-- @return the whole response JSON (metadata in `.data`), or nil (404)
function Client:kv_metadata(mount, key) return self:_get("/v1/" .. mount .. "/metadata/" .. key) end

-- ===== Health and seal status (no token) =====

--- Vault's health (GET /v1/sys/health), whatever the status (429, 473, 501, 503 have JSON too).
-- @return the JSON: initialized, sealed, standby, version, ...
function Client:health()
  return json.parse(self:_request("GET", "/v1/sys/health", nil, true).body)
end

--- The seal status (GET /v1/sys/seal-status).
-- @return the JSON: sealed, initialized, t, n, progress, ...; non-200 → error `vault: seal-status HTTP <s>: <body>`
function Client:seal_status()
  local resp = self:_request("GET", "/v1/sys/seal-status", nil, true)
  if resp.status ~= 200 then error("vault: seal-status HTTP " .. resp.status .. ": " .. resp.body) end
  return json.parse(resp.body)
end

--- Whether Vault is sealed.
-- @return boolean (`seal_status().sealed`)
function Client:is_sealed() return self:seal_status().sealed end

--- Whether Vault is initialized.
-- @return boolean (`seal_status().initialized`)
function Client:is_initialized() return self:seal_status().initialized end

-- ===== ACL policies =====

--- Reads an ACL policy.
-- @param name string
-- @return `{name, policy}` (the response's `data`), or nil (404)
function Client:policy_get(name) return data_of(self:_get("/v1/sys/policies/acl/" .. name)) end

--- Creates or replaces an ACL policy (PUT, body `{policy = rules}`).
-- @param name string
-- @param rules string the policy in HCL
-- @return the response JSON, or nil (204)
function Client:policy_put(name, rules) return self:_put("/v1/sys/policies/acl/" .. name, { policy = rules }) end

--- Deletes an ACL policy.
-- @param name string
-- @return nil
function Client:policy_delete(name) return self:_delete("/v1/sys/policies/acl/" .. name) end

--- Lists the ACL policies.
-- @return array of policy names
function Client:policy_list() return self:_list("/v1/sys/policies/acl") end

-- ===== Auth methods =====

--- The body of an enable call: `{type, description?, config?, options?}` from opts.
local function mount_body(kind, opts, keys)
  local body = { type = kind }
  for _, k in ipairs(keys) do
    if opts and opts[k] then body[k] = opts[k] end
  end
  return body
end

--- Enables an auth method (POST /v1/sys/auth/<path>).
-- @param path string where to mount it (`kubernetes`)
-- @param type string the method (`kubernetes`, `approle`, ...)
-- @param opts table|nil `description`, `config`
-- @return the response JSON, or nil (204)
function Client:auth_enable(path, type, opts)
  return self:_post("/v1/sys/auth/" .. path, mount_body(type, opts, { "description", "config" }))
end

--- Disables an auth method.
-- @param path string
-- @return nil
function Client:auth_disable(path) return self:_delete("/v1/sys/auth/" .. path) end

--- The enabled auth methods (GET /v1/sys/auth).
-- @return `{["token/"] = {...}, ...}` (the response's `data`, or the whole JSON without one), or nil (404)
function Client:auth_list()
  local j = self:_get("/v1/sys/auth")
  return j and j.data or j
end

--- Configures an auth method (POST /v1/auth/<path>/config).
-- @param path string
-- @param config table the configuration
-- @return the response JSON, or nil (204)
function Client:auth_config(path, config) return self:_post("/v1/auth/" .. path .. "/config", config) end

--- Creates or updates a role of an auth method (POST /v1/auth/<path>/role/<role>).
-- @param path string
-- @param role string
-- @param cfg table the role
-- @return the response JSON, or nil (204)
function Client:auth_create_role(path, role, cfg) return self:_post("/v1/auth/" .. path .. "/role/" .. role, cfg) end

--- Reads a role of an auth method.
-- @param path string
-- @param role string
-- @return the role (the response's `data`), or nil (404)
function Client:auth_read_role(path, role) return data_of(self:_get("/v1/auth/" .. path .. "/role/" .. role)) end

--- Lists the roles of an auth method.
-- @param path string
-- @return array of role names
function Client:auth_list_roles(path) return self:_list("/v1/auth/" .. path .. "/role") end

-- ===== Secrets engines =====

--- Enables a secrets engine (POST /v1/sys/mounts/<path>).
-- @param path string where to mount it
-- @param type string the engine (`kv`, `pki`, `transit`, ...)
-- @param opts table|nil `description`, `config`, `options` (`{version = "2"}` for KV v2)
-- @return the response JSON, or nil (204)
function Client:engine_enable(path, type, opts)
  return self:_post("/v1/sys/mounts/" .. path, mount_body(type, opts, { "description", "config", "options" }))
end

--- Disables a secrets engine.
-- @param path string
-- @return nil
function Client:engine_disable(path) return self:_delete("/v1/sys/mounts/" .. path) end

--- The mounted secrets engines (GET /v1/sys/mounts).
-- @return `{["secret/"] = {...}, ...}` (the response's `data`, or the whole JSON without one), or nil (404)
function Client:engine_list()
  local j = self:_get("/v1/sys/mounts")
  return j and j.data or j
end

--- Tunes a secrets engine (POST /v1/sys/mounts/<path>/tune).
-- @param path string
-- @param cfg table `default_lease_ttl`, `max_lease_ttl`, ...
-- @return the response JSON, or nil (204)
function Client:engine_tune(path, cfg) return self:_post("/v1/sys/mounts/" .. path .. "/tune", cfg) end

-- ===== Tokens =====

--- Creates a token (POST /v1/auth/token/create, body opts).
-- @param opts table|nil `policies`, `ttl`, `renewable`, ... (default {})
-- @return the response's `auth` (`client_token`, `accessor`, `policies`, ...), or nil
function Client:token_create(opts)
  local j = self:_post("/v1/auth/token/create", opts or {})
  return j and j.auth or nil
end

--- Looks a token up (POST /v1/auth/token/lookup, body `{token}`).
-- @param token string
-- @return the response's `data` (`id`, `policies`, `ttl`, ...), or nil
function Client:token_lookup(token) return data_of(self:_post("/v1/auth/token/lookup", { token = token })) end

--- Looks up the client's own token (GET /v1/auth/token/lookup-self).
-- @return the response's `data`, or nil
function Client:token_lookup_self() return data_of(self:_get("/v1/auth/token/lookup-self")) end

--- Revokes a token and its children (POST /v1/auth/token/revoke, body `{token}`).
-- @param token string
-- @return the response JSON, or nil (204)
function Client:token_revoke(token) return self:_post("/v1/auth/token/revoke", { token = token }) end

--- Revokes the client's own token (POST /v1/auth/token/revoke-self, body {}).
-- @return the response JSON, or nil (204)
function Client:token_revoke_self() return self:_post("/v1/auth/token/revoke-self", {}) end

-- ===== Transit and PKI (assay.vault.transit, assay.vault.pki) =====

Client.transit_encrypt = transit.encrypt
Client.transit_decrypt = transit.decrypt
Client.transit_create_key = transit.create_key
Client.transit_list_keys = transit.list_keys
Client.pki_issue = pki.issue
Client.pki_sign = pki.sign
Client.pki_ca_cert = pki.ca_cert
Client.pki_create_role = pki.create_role

-- ===== Module helpers =====

--- Waits until Vault answers 200 on its health path (errors count as not yet).
-- @param url string Vault's address (not slash-stripped)
-- @param opts table|nil `timeout` (seconds, 60), `interval` (seconds, 2),
--   `health_path` (`/v1/sys/health?standbyok=true&sealedcode=200&uninitcode=200`)
-- @return true; after ceil(timeout/interval) attempts, error `vault.wait: not reachable at <url> after <timeout>s`
function M.wait(url, opts)
  opts = opts or {}
  local timeout, interval = opts.timeout or 60, opts.interval or 2
  local health_path = opts.health_path or "/v1/sys/health?standbyok=true&sealedcode=200&uninitcode=200"
  local attempts = math.ceil(timeout / interval)
  for i = 1, attempts do
    local ok, resp = pcall(http.get, url .. health_path)
    if ok and resp.status == 200 then
      log.info("Vault healthy after " .. tostring(i * interval) .. "s")
      return true
    end
    if i == attempts then
      error("vault.wait: not reachable at " .. url .. " after " .. tostring(timeout) .. "s")
    end
    log.info("Waiting for Vault... (" .. i .. "/" .. attempts .. ")")
    sleep(interval)
  end
end

--- Waits for Vault, then makes a client whose token comes from a Kubernetes secret
-- (read in-cluster with `assay.k8s`'s `get_secret`).
-- @param url string Vault's address
-- @param opts table|nil `timeout` (60), `interval` (2), `secret_namespace` or `secret_ns`
--   (`secrets`), `secret_name` (`openbao-root-token`), `secret_key` (`root-token`)
-- @return client with the secret's value, whitespace trimmed, as token
function M.authenticated_client(url, opts)
  opts = opts or {}
  M.wait(url, { timeout = opts.timeout or 60, interval = opts.interval or 2 })
  local ns = opts.secret_namespace or opts.secret_ns or "secrets"
  local name = opts.secret_name or "openbao-root-token"
  local key = opts.secret_key or "root-token"
  local token = require("assay.k8s").get_secret(ns, name)[key]
  assert.not_nil(token, "vault.authenticated_client: key '" .. key .. "' not found in secret " .. ns .. "/" .. name)
  return M.client(url, token:match("^%s*(.-)%s*$"))
end

--- Returns the credentials at KV v2 `secrets/<path>`, generating and storing them when
-- `check_key` is missing.
-- @param client client of this module
-- @param path string the secret's path in the `secrets` mount
-- @param check_key string a field whose presence means the credentials exist
-- @param generator function() returning the credentials table to store
-- @return the credentials (the existing secret's fields, or what generator returned)
function M.ensure_credentials(client, path, check_key, generator)
  local existing = client:kv_get("secrets", path)
  if existing and existing.data and existing.data[check_key] then
    log.info("Credentials already exist at secrets/" .. path)
    return existing.data
  end
  local creds = generator()
  client:kv_put("secrets", path, creds)
  log.info("Generated and stored credentials at secrets/" .. path)
  return creds
end

--- Asserts that KV v2 `secrets/<path>` exists and has every expected key.
-- @param client client of this module
-- @param path string the secret's path in the `secrets` mount
-- @param expected_keys array of field names
-- @return the secret's fields; a failure raises `vault.assert_secret: secret not found at
--   secrets/<path>`, `... no data at secrets/<path>` or `... key '<k>' missing at secrets/<path>`
function M.assert_secret(client, path, expected_keys)
  local secret = client:kv_get("secrets", path)
  local where = " at secrets/" .. path
  assert.not_nil(secret, "vault.assert_secret: secret not found" .. where)
  assert.not_nil(secret.data, "vault.assert_secret: no data" .. where)
  for _, key in ipairs(expected_keys) do
    assert.not_nil(secret.data[key], "vault.assert_secret: key '" .. key .. "' missing" .. where)
  end
  log.info("Secret verified" .. where .. " (" .. #expected_keys .. " keys)")
  return secret.data
end

return M
