-- Runs v04_script.lua, a script written for assay v0.4, unchanged against a mock Vault that
-- keeps KV v2 secrets in memory (assay.k8s replaced by a stub holding the root token).
local S = dofile((arg[0]:match("^(.*/)") or "") .. "support.lua")
local mock = require("assay.testing.mock")

local SCRIPT = (arg[0]:match("^(.*/)") or "") .. "v04_script.lua"
local ROOT = "s.root-token"

--- A mock Vault: KV v2 at any mount (keys of one or two segments), 403 for secret/forbidden,
-- and canned sys, policy, token, transit and pki answers.
local function fake_vault()
  local store = {}
  local function key(p) return p.mount .. "/" .. p.a .. (p.b and "/" .. p.b or "") end
  local function get(req)
    if key(req.params) == "secret/forbidden" then return S.errors(403, "permission denied") end
    local data = store[key(req.params)]
    if data == nil then return S.errors(404) end
    return { json = { data = { data = data, metadata = { version = 1 } } } }
  end
  local function put(req)
    store[key(req.params)] = req.json.data
    return { json = { data = { version = 1, created_time = "2026-02-13T10:00:00Z" } } }
  end
  local m = mock.server({
    ["GET /v1/sys/health"] = { json = { initialized = true, sealed = false, standby = false } },
    ["GET /v1/sys/seal-status"] = { json = { initialized = true, sealed = false, t = 1, n = 1 } },
    ["GET /v1/:mount/data/:a"] = get, ["GET /v1/:mount/data/:a/:b"] = get,
    ["POST /v1/:mount/data/:a"] = put, ["POST /v1/:mount/data/:a/:b"] = put,
    ["PUT /v1/sys/policies/acl/:name"] = { status = 204 },
    ["POST /v1/auth/token/create"] = { json = { auth = { client_token = "s.app", accessor = "acc-1", policies = { "myapp" } } } },
    ["POST /v1/transit/encrypt/:key"] = function(req) return { json = { data = { ciphertext = "vault:v1:" .. req.json.plaintext } } } end,
    ["POST /v1/transit/decrypt/:key"] = function(req) return { json = { data = { plaintext = req.json.ciphertext:sub(10) } } } end,
    ["POST /v1/pki/issue/:role"] = { json = { data = { certificate = "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----", serial_number = "0a:0b" } } },
  })
  store["secret/myapp/config"] = { db_password = "hunter2" }
  return m, store
end

test("the v0.4 script runs unchanged against the mock Vault", function()
  local m, store = fake_vault()
  env.set("VAULT_ADDR", m.url)
  env.set("VAULT_TOKEN", "s.reader")
  env.set("BAO_ADDR", m.url)
  env.set("SECRETS_NAMESPACE", "platform-secrets")
  local secret_read
  package.loaded["assay.k8s"] = {
    get_secret = function(ns, name) secret_read = ns .. "/" .. name; return { ["root-token"] = ROOT .. "\n" } end,
  }
  S.logs(function() dofile(SCRIPT) end)
  package.loaded["assay.k8s"] = nil

  assert.eq(secret_read, "platform-secrets/openbao-root-token")
  assert.eq(#store["secrets/platform/grafana"]["admin-password"], 32)
  assert.eq(store["secrets/myapp/db"].username, "admin")
  assert.eq(#m:unmatched(), 0)
  -- the README client uses VAULT_TOKEN, the bootstrap client the trimmed root token
  assert.eq(m:calls("GET /v1/secret/data/myapp/config")[1].headers["x-vault-token"], "s.reader")
  assert.eq(m:last("POST /v1/secrets/data/platform/grafana").headers["x-vault-token"], ROOT)
  assert.eq(m:last("POST /v1/pki/issue/:role").json.common_name, "myapp.example.com")
  assert.eq(m:last("PUT /v1/sys/policies/acl/:name").path, "/v1/sys/policies/acl/myapp")
  m:close()
end)

test("running it again finds the credentials and keeps them", function()
  local m, store = fake_vault()
  store["secrets/platform/grafana"] = { ["admin-user"] = "admin", ["admin-password"] = string.rep("k", 32) }
  env.set("VAULT_ADDR", m.url)
  env.set("BAO_ADDR", m.url)
  package.loaded["assay.k8s"] = { get_secret = function() return { ["root-token"] = ROOT } end }
  S.logs(function() dofile(SCRIPT) end)
  package.loaded["assay.k8s"] = nil
  assert.eq(store["secrets/platform/grafana"]["admin-password"], string.rep("k", 32))
  assert.eq(m:count("POST /v1/secrets/data/platform/grafana"), 0)
  m:close()
end)
