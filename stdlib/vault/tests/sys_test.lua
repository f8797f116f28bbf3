-- assay.vault: health, seal status, ACL policies and secrets engines.
local S = dofile((arg[0]:match("^(.*/)") or "") .. "support.lua")

local HEALTH = { initialized = true, sealed = false, standby = false, version = "1.15.0", cluster_name = "vault-cluster" }
local SEAL = { type = "shamir", initialized = true, sealed = false, t = 3, n = 5, progress = 0, version = "1.15.0" }

test("health GETs /v1/sys/health without the token", function()
  S.with_vault({ ["GET /v1/sys/health"] = { json = HEALTH } }, function(c, m)
    local h = c:health()
    assert.eq(h.initialized, true)
    assert.eq(h.version, "1.15.0")
    S.check(m:last(), { method = "GET", path = "/v1/sys/health", token = false })
  end)
end)

test("health returns the JSON whatever the status (503 sealed)", function()
  S.with_vault({ ["GET /v1/sys/health"] = { status = 503, json = { initialized = true, sealed = true } } }, function(c)
    assert.eq(c:health().sealed, true)
  end)
end)

test("seal_status GETs /v1/sys/seal-status without the token", function()
  S.with_vault({ ["GET /v1/sys/seal-status"] = { json = SEAL } }, function(c, m)
    local s = c:seal_status()
    assert.eq(s.t, 3)
    assert.eq(s.sealed, false)
    S.check(m:last(), { method = "GET", path = "/v1/sys/seal-status", token = false })
  end)
end)

test("seal_status raises on a non-200 status", function()
  S.with_vault({ ["GET /v1/sys/seal-status"] = S.errors(500, "x") }, function(c)
    S.fails('vault: seal-status HTTP 500: {"errors":["x"]}', c.seal_status, c)
  end)
end)

test("is_sealed and is_initialized read the seal status", function()
  S.with_vault({ ["GET /v1/sys/seal-status"] = { json = { initialized = false, sealed = true } } }, function(c, m)
    assert.eq(c:is_sealed(), true)
    assert.eq(c:is_initialized(), false)
    assert.eq(m:count("GET /v1/sys/seal-status"), 2)
    S.check(m:last(), { method = "GET", path = "/v1/sys/seal-status", token = false })
  end)
end)

test("is_sealed raises as seal_status does", function()
  S.with_vault({ ["GET /v1/sys/seal-status"] = { status = 503, body = "down" } }, function(c)
    S.fails("vault: seal-status HTTP 503: down", c.is_sealed, c)
    S.fails("vault: seal-status HTTP 503: down", c.is_initialized, c)
  end)
end)

test("policy_get returns data ({name, policy}); nil on 404", function()
  S.with_vault({
    ["GET /v1/sys/policies/acl/app"] = { json = { data = { name = "app", policy = 'path "secret/*" {}' } } },
    ["GET /v1/sys/policies/acl/none"] = S.errors(404),
  }, function(c, m)
    local p = c:policy_get("app")
    assert.eq(p.name, "app")
    assert.eq(p.policy, 'path "secret/*" {}')
    S.check(m:last(), { method = "GET", path = "/v1/sys/policies/acl/app" })
    assert.eq(c:policy_get("none"), nil)
  end)
end)

test("policy_put PUTs {policy = rules}; 204 → nil", function()
  local rules = 'path "secret/data/app/*" { capabilities = ["read"] }'
  S.with_vault({ ["PUT /v1/sys/policies/acl/app"] = { status = 204 } }, function(c, m)
    assert.eq(c:policy_put("app", rules), nil)
    S.check(m:last(), { method = "PUT", path = "/v1/sys/policies/acl/app", json = { policy = rules } })
  end)
end)

test("policy_put raises with PUT in the message", function()
  S.with_vault({ ["PUT /v1/sys/policies/acl/app"] = S.errors(400, "failed to parse policy") }, function(c)
    S.fails('vault: PUT /v1/sys/policies/acl/app HTTP 400: {"errors":["failed to parse policy"]}', c.policy_put, c, "app", "bad")
  end)
end)

test("policy_delete DELETEs; raises on 403", function()
  S.with_vault({ ["DELETE /v1/sys/policies/acl/app"] = { status = 204 }, ["DELETE /v1/sys/policies/acl/root"] = S.errors(403, "x") }, function(c, m)
    assert.eq(c:policy_delete("app"), nil)
    S.check(m:last(), { method = "DELETE", path = "/v1/sys/policies/acl/app" })
    S.fails("vault: DELETE /v1/sys/policies/acl/root HTTP 403", c.policy_delete, c, "root")
  end)
end)

test("policy_list LISTs /v1/sys/policies/acl", function()
  S.with_vault({ ["GET /v1/sys/policies/acl"] = { json = { data = { keys = { "default", "root" }, policies = { "default", "root" } } } } }, function(c, m)
    assert.same(c:policy_list(), { "default", "root" })
    S.check(m:last(), { method = "GET", path = "/v1/sys/policies/acl", query = "list=true" })
  end)
end)

test("engine_enable POSTs {type, description, config, options}", function()
  S.with_vault({ ["POST /v1/sys/mounts/kv"] = { status = 204 } }, function(c, m)
    local r = c:engine_enable("kv", "kv", { description = "app secrets", options = { version = "2" }, config = { max_lease_ttl = "1h" }, other = "ignored" })
    assert.eq(r, nil)
    S.check(m:last(), { method = "POST", path = "/v1/sys/mounts/kv",
      json = { config = { max_lease_ttl = "1h" }, description = "app secrets", options = { version = "2" }, type = "kv" } })
  end)
end)

test("engine_enable without opts sends only the type; raises on 400", function()
  S.with_vault({ ["POST /v1/sys/mounts/transit"] = { status = 204 }, ["POST /v1/sys/mounts/x"] = S.errors(400, "path is already in use at x/") }, function(c, m)
    c:engine_enable("transit", "transit")
    S.check(m:last(), { method = "POST", path = "/v1/sys/mounts/transit", json = { type = "transit" } })
    S.fails("vault: POST /v1/sys/mounts/x HTTP 400", c.engine_enable, c, "x", "kv")
  end)
end)

test("engine_disable DELETEs /v1/sys/mounts/<path>; raises on 500", function()
  S.with_vault({ ["DELETE /v1/sys/mounts/kv"] = { status = 204 }, ["DELETE /v1/sys/mounts/bad"] = S.errors(500, "x") }, function(c, m)
    assert.eq(c:engine_disable("kv"), nil)
    S.check(m:last(), { method = "DELETE", path = "/v1/sys/mounts/kv" })
    S.fails("vault: DELETE /v1/sys/mounts/bad HTTP 500", c.engine_disable, c, "bad")
  end)
end)

test("engine_list returns the mounts (data), or the whole JSON without data", function()
  local mounts = { ["secret/"] = { type = "kv", options = { version = "2" } }, ["sys/"] = { type = "system" } }
  local with_data = true
  S.with_vault({ ["GET /v1/sys/mounts"] = function() return { json = with_data and { data = mounts } or mounts } end }, function(c, m)
    assert.eq(c:engine_list()["secret/"].type, "kv")
    S.check(m:last(), { method = "GET", path = "/v1/sys/mounts" })
    with_data = false
    assert.eq(c:engine_list()["sys/"].type, "system")
  end)
end)

test("engine_list returns nil on 404 and raises on 500", function()
  local status = 404
  S.with_vault({ ["GET /v1/sys/mounts"] = function() return S.errors(status, "x") end }, function(c)
    assert.eq(c:engine_list(), nil)
    status = 500
    S.fails("vault: GET /v1/sys/mounts HTTP 500", c.engine_list, c)
  end)
end)

test("engine_tune POSTs the config to /v1/sys/mounts/<path>/tune", function()
  S.with_vault({ ["POST /v1/sys/mounts/secret/tune"] = { status = 204 }, ["POST /v1/sys/mounts/none/tune"] = S.errors(400, "x") }, function(c, m)
    assert.eq(c:engine_tune("secret", { default_lease_ttl = "30m", max_lease_ttl = "2h" }), nil)
    S.check(m:last(), { method = "POST", path = "/v1/sys/mounts/secret/tune", json = { default_lease_ttl = "30m", max_lease_ttl = "2h" } })
    S.fails("vault: POST /v1/sys/mounts/none/tune HTTP 400", c.engine_tune, c, "none", {})
  end)
end)
