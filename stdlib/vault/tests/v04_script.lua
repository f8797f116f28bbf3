#!/usr/bin/env assay
-- A script written for assay v0.4 the way the original's README and stdlib docs use
-- assay.vault (no print, `assert` is a table): it must run unchanged. v04_script_test.lua
-- runs it against a mock Vault; on a cluster it would run as `assay v04_script.lua`.
local vault = require("assay.vault")

-- "Vault Secret Retrieval" (README)
local token = env.get("VAULT_TOKEN")
local c = vault.client(env.get("VAULT_ADDR"), { token = token })

local secret = c:kv_get("secret", "myapp/config")
assert.not_nil(secret, "Secret not found")
log.info("db_password: " .. secret.data.db_password)

-- "For 404 responses, stdlib modules return nil" (README, error handling)
local maybe = c:kv_get("secret", "maybe/exists")
if maybe == nil then
  log.warn("Secret not found, using defaults")
else
  log.info("Secret found")
end

local ok, err = pcall(function()
  local v = vault.client(env.get("VAULT_ADDR"), env.get("VAULT_TOKEN"))
  return v:kv_get("secret", "forbidden")
end)
if not ok then log.error("Vault read failed: " .. tostring(err)) end
assert.eq(ok, false, "a 403 must raise")
assert.contains(tostring(err), "vault: GET /v1/secret/data/forbidden HTTP 403")

-- PreSync bootstrap hook (ArgoCD): authenticated client + idempotent credentials
local bao_url = env.get("BAO_ADDR")
local secrets_ns = env.get("SECRETS_NAMESPACE")
local vlt = vault.authenticated_client(bao_url, { secret_ns = secrets_ns })

vault.ensure_credentials(vlt, "platform/grafana", "admin-password", function()
  return {
    ["admin-user"] = "admin",
    ["admin-password"] = crypto.random(32),
  }
end)
local grafana = vault.assert_secret(vlt, "platform/grafana", { "admin-user", "admin-password" })
assert.eq(#grafana["admin-password"], 32)
log.info("Grafana bootstrap complete")

-- stdlib docs example
vlt:kv_put("secrets", "myapp/db", { username = "admin", password = crypto.random(32) })
local creds = vlt:kv_get("secrets", "myapp/db")
assert.eq(creds.data.username, "admin")

-- sys, policies, tokens, transit, pki
assert.eq(vlt:is_sealed(), false, "vault is sealed")
vlt:policy_put("myapp", 'path "secrets/data/myapp/*" { capabilities = ["read"] }')
local app_token = vlt:token_create({ policies = { "myapp" }, ttl = "1h" })
assert.not_nil(app_token.client_token, "no client token")
local enc = vlt:transit_encrypt("myapp", "hello")
assert.eq(vlt:transit_decrypt("myapp", enc), "hello")
local cert = vlt:pki_issue("pki", "web", { common_name = "myapp.example.com", ttl = "24h" })
assert.contains(cert.certificate, "BEGIN CERTIFICATE")
log.info("issued certificate " .. cert.serial_number .. " for token " .. app_token.accessor)
