-- assay.vault module helpers: wait, authenticated_client, ensure_credentials, assert_secret.
local S = dofile((arg[0]:match("^(.*/)") or "") .. "support.lua")
local mock = require("assay.testing.mock")
local vault = require("assay.vault")

local HEALTH_QUERY = "standbyok=true&sealedcode=200&uninitcode=200"

--- A health route answering `codes[i]` to the i-th request (the last code after that).
local function health(codes)
  local n = 0
  return function()
    n = n + 1
    return { status = codes[math.min(n, #codes)], json = { initialized = true, sealed = false } }
  end
end

--- Runs fn(calls) with assay.k8s replaced by a stub whose get_secret records its arguments
-- and returns `secret`.
local function with_k8s(secret, fn)
  local saved, calls = package.loaded["assay.k8s"], {}
  package.loaded["assay.k8s"] = {
    get_secret = function(...) calls[#calls + 1] = table.pack(...); return secret end,
  }
  local ok, err = pcall(fn, calls)
  package.loaded["assay.k8s"] = saved
  if not ok then error(err, 0) end
end

local function kv(data) return { json = { data = { data = data, metadata = { version = 1 } } } } end

-- ===== wait =====

test("wait returns true at the first 200 of the health path (no token, no sleep)", function()
  local m = mock.server({ ["GET /v1/sys/health"] = health({ 200 }) })
  local logs = S.logs(function() assert.eq(vault.wait(m.url), true) end)
  assert.eq(m:count(), 1)
  S.check(m:last(), { method = "GET", path = "/v1/sys/health", query = HEALTH_QUERY, token = false })
  assert.same(logs, { "Vault healthy after 2s" })
  m:close()
end)

test("wait retries every interval until 200, logging each attempt", function()
  local m = mock.server({ ["GET /v1/sys/health"] = health({ 503, 429, 200 }) })
  local t0 = time()
  local logs = S.logs(function() assert.eq(vault.wait(m.url, { timeout = 1, interval = 0.125 }), true) end)
  assert.gt(time() - t0, 0.24)
  assert.eq(m:count("GET /v1/sys/health"), 3)
  assert.same(logs, { "Waiting for Vault... (1/8)", "Waiting for Vault... (2/8)", "Vault healthy after 0.375s" })
  m:close()
end)

test("wait times out after ceil(timeout/interval) attempts", function()
  local m = mock.server({ ["GET /v1/sys/health"] = health({ 503 }) })
  local logs = S.logs(function()
    S.fails("vault.wait: not reachable at " .. m.url .. " after 0.2s", vault.wait, m.url, { timeout = 0.2, interval = 0.1 })
  end)
  assert.eq(m:count(), 2)
  assert.same(logs, { "Waiting for Vault... (1/2)" })
  m:close()
end)

test("wait swallows connection errors and times out", function()
  local url = S.dead_url()
  local t0 = time()
  S.logs(function()
    S.fails("vault.wait: not reachable at " .. url .. " after 0.1s", vault.wait, url, { timeout = 0.1, interval = 0.05 })
  end)
  assert.lt(time() - t0, 5)
end)

test("wait uses opts.health_path and does not strip the url", function()
  local m = mock.server({ ["GET /v1/sys/health"] = health({ 200 }), ["GET /healthz"] = { status = 200, body = "ok" } })
  S.logs(function() assert.eq(vault.wait(m.url, { health_path = "/healthz" }), true) end)
  S.check(m:last(), { method = "GET", path = "/healthz", token = false })
  assert.eq(m:count("GET /v1/sys/health"), 0)
  m:close()
end)

-- ===== authenticated_client =====

test("authenticated_client waits, reads secrets/openbao-root-token and trims the token", function()
  with_k8s({ ["root-token"] = "  s.root\n" }, function(calls)
    S.with_vault({ ["GET /v1/sys/health"] = health({ 200 }), ["GET /v1/secret/data/app"] = kv({ a = "1" }) }, function(_, m)
      local c
      S.logs(function() c = vault.authenticated_client(m.url, { timeout = 1, interval = 0.5 }) end)
      assert.eq(#calls, 1)
      assert.eq(calls[1].n, 2)
      assert.eq(calls[1][1], "secrets")
      assert.eq(calls[1][2], "openbao-root-token")
      assert.eq(c.token, "s.root")
      assert.eq(c.url, m.url)
      assert.eq(c:kv_get("secret", "app").data.a, "1")
      S.check(m:last(), { method = "GET", path = "/v1/secret/data/app", token = "s.root" })
    end)
  end)
end)

test("authenticated_client takes secret_namespace, secret_name, secret_key", function()
  with_k8s({ token = "s.custom" }, function(calls)
    local m = mock.server({ ["GET /v1/sys/health"] = health({ 200 }) })
    S.logs(function()
      assert.eq(vault.authenticated_client(m.url, { secret_namespace = "vault", secret_name = "bao", secret_key = "token" }).token, "s.custom")
    end)
    assert.eq(calls[1][1], "vault")
    assert.eq(calls[1][2], "bao")
    m:close()
  end)
end)

test("authenticated_client takes secret_ns as the namespace", function()
  with_k8s({ ["root-token"] = "s.x" }, function(calls)
    local m = mock.server({ ["GET /v1/sys/health"] = health({ 200 }) })
    S.logs(function() vault.authenticated_client(m.url, { secret_ns = "platform" }) end)
    assert.eq(calls[1][1], "platform")
    m:close()
  end)
end)

test("authenticated_client raises when the key is not in the secret", function()
  with_k8s({ other = "x" }, function()
    local m = mock.server({ ["GET /v1/sys/health"] = health({ 200 }) })
    S.logs(function()
      S.fails("vault.authenticated_client: key 'root-token' not found in secret secrets/openbao-root-token", vault.authenticated_client, m.url)
    end)
    m:close()
  end)
end)

test("authenticated_client raises the wait error (timeout, interval from opts) before reading the secret", function()
  with_k8s({ ["root-token"] = "s.x" }, function(calls)
    local m = mock.server({ ["GET /v1/sys/health"] = health({ 503 }) })
    S.logs(function()
      S.fails("vault.wait: not reachable at " .. m.url .. " after 0.1s", vault.authenticated_client, m.url, { timeout = 0.1, interval = 0.05 })
    end)
    assert.eq(m:count(), 2)
    assert.eq(#calls, 0)
    m:close()
  end)
end)

-- ===== ensure_credentials =====

test("ensure_credentials returns existing credentials without calling the generator", function()
  S.with_vault({ ["GET /v1/secrets/data/app/db"] = kv({ username = "admin", password = "old" }) }, function(c, m)
    local creds
    local logs = S.logs(function()
      creds = vault.ensure_credentials(c, "app/db", "password", function() error("generator called") end)
    end)
    assert.same(creds, { username = "admin", password = "old" })
    assert.same(logs, { "Credentials already exist at secrets/app/db" })
    assert.eq(m:count(), 1)
    S.check(m:last(), { method = "GET", path = "/v1/secrets/data/app/db" })
  end)
end)

test("ensure_credentials generates and stores credentials when the secret is missing", function()
  S.with_vault({ ["GET /v1/secrets/data/app/db"] = S.errors(404), ["POST /v1/secrets/data/app/db"] = { json = { data = { version = 1 } } } }, function(c, m)
    local creds
    local logs = S.logs(function()
      creds = vault.ensure_credentials(c, "app/db", "password", function() return { username = "app", password = "new" } end)
    end)
    assert.same(creds, { username = "app", password = "new" })
    assert.same(logs, { "Generated and stored credentials at secrets/app/db" })
    S.check(m:last(), { method = "POST", path = "/v1/secrets/data/app/db", json = { data = { password = "new", username = "app" } } })
  end)
end)

test("ensure_credentials regenerates when check_key is missing from the secret", function()
  S.with_vault({ ["GET /v1/secrets/data/app/db"] = kv({ username = "admin" }), ["POST /v1/secrets/data/app/db"] = { status = 204 } }, function(c, m)
    local creds
    S.logs(function() creds = vault.ensure_credentials(c, "app/db", "password", function() return { password = "p" } end) end)
    assert.same(creds, { password = "p" })
    assert.eq(m:count("POST /v1/secrets/data/app/db"), 1)
  end)
end)

test("ensure_credentials raises when storing fails", function()
  S.with_vault({ ["GET /v1/secrets/data/app/db"] = S.errors(404), ["POST /v1/secrets/data/app/db"] = S.errors(403, "permission denied") }, function(c)
    S.fails("vault: POST /v1/secrets/data/app/db HTTP 403", vault.ensure_credentials, c, "app/db", "k", function() return { k = "v" } end)
  end)
end)

-- ===== assert_secret =====

test("assert_secret returns the fields when every key is there", function()
  S.with_vault({ ["GET /v1/secrets/data/app/db"] = kv({ username = "admin", password = "pw", extra = "x" }) }, function(c, m)
    local data
    local logs = S.logs(function() data = vault.assert_secret(c, "app/db", { "username", "password" }) end)
    assert.eq(data.password, "pw")
    assert.same(logs, { "Secret verified at secrets/app/db (2 keys)" })
    S.check(m:last(), { method = "GET", path = "/v1/secrets/data/app/db" })
  end)
end)

test("assert_secret raises when the secret is missing (404)", function()
  S.with_vault({ ["GET /v1/secrets/data/app/db"] = S.errors(404) }, function(c)
    S.fails("vault.assert_secret: secret not found at secrets/app/db", vault.assert_secret, c, "app/db", { "username" })
  end)
end)

test("assert_secret raises when the secret has no data", function()
  S.with_vault({ ["GET /v1/secrets/data/app/db"] = { json = { data = { metadata = { version = 2, deletion_time = "2026-01-01T00:00:00Z" } } } } }, function(c)
    S.fails("vault.assert_secret: no data at secrets/app/db", vault.assert_secret, c, "app/db", { "username" })
  end)
end)

test("assert_secret raises naming the first missing key", function()
  S.with_vault({ ["GET /v1/secrets/data/app/db"] = kv({ username = "admin" }) }, function(c)
    S.fails("vault.assert_secret: key 'password' missing at secrets/app/db", vault.assert_secret, c, "app/db", { "username", "password" })
  end)
end)

test("assert_secret raises the request error on 500", function()
  S.with_vault({ ["GET /v1/secrets/data/app/db"] = S.errors(500, "x") }, function(c)
    S.fails("vault: GET /v1/secrets/data/app/db HTTP 500", vault.assert_secret, c, "app/db", {})
  end)
end)
