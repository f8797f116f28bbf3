-- assay.vault: auth methods (auth_*) and tokens (token_*).
local S = dofile((arg[0]:match("^(.*/)") or "") .. "support.lua")

local AUTH = {
  client_token = "s.new", accessor = "acc1", policies = { "default", "app" },
  token_policies = { "default", "app" }, lease_duration = 3600, renewable = true,
}
local LOOKUP = { data = { id = "s.other", policies = { "default" }, ttl = 3599, display_name = "token" } }

test("auth_enable POSTs {type, description, config} to /v1/sys/auth/<path>", function()
  S.with_vault({ ["POST /v1/sys/auth/kubernetes"] = { status = 204 } }, function(c, m)
    assert.eq(c:auth_enable("kubernetes", "kubernetes", { description = "k8s", config = { default_lease_ttl = "1h" }, options = { x = 1 } }), nil)
    S.check(m:last(), { method = "POST", path = "/v1/sys/auth/kubernetes",
      json = { config = { default_lease_ttl = "1h" }, description = "k8s", type = "kubernetes" } })
  end)
end)

test("auth_enable without opts sends {type}; raises on 400", function()
  S.with_vault({ ["POST /v1/sys/auth/approle"] = { status = 204 }, ["POST /v1/sys/auth/dup"] = S.errors(400, "path is already in use") }, function(c, m)
    c:auth_enable("approle", "approle")
    S.check(m:last(), { method = "POST", path = "/v1/sys/auth/approle", json = { type = "approle" } })
    S.fails('vault: POST /v1/sys/auth/dup HTTP 400: {"errors":["path is already in use"]}', c.auth_enable, c, "dup", "approle")
  end)
end)

test("auth_disable DELETEs /v1/sys/auth/<path>; raises on 500", function()
  S.with_vault({ ["DELETE /v1/sys/auth/approle"] = { status = 204 }, ["DELETE /v1/sys/auth/bad"] = S.errors(500, "x") }, function(c, m)
    assert.eq(c:auth_disable("approle"), nil)
    S.check(m:last(), { method = "DELETE", path = "/v1/sys/auth/approle" })
    S.fails("vault: DELETE /v1/sys/auth/bad HTTP 500", c.auth_disable, c, "bad")
  end)
end)

test("auth_list returns data, the whole JSON without data, nil on 404", function()
  local methods = { ["token/"] = { type = "token" }, ["kubernetes/"] = { type = "kubernetes" } }
  local resp = { json = { data = methods } }
  S.with_vault({ ["GET /v1/sys/auth"] = function() return resp end }, function(c, m)
    assert.eq(c:auth_list()["kubernetes/"].type, "kubernetes")
    S.check(m:last(), { method = "GET", path = "/v1/sys/auth" })
    resp = { json = methods }
    assert.eq(c:auth_list()["token/"].type, "token")
    resp = S.errors(404)
    assert.eq(c:auth_list(), nil)
    resp = S.errors(403, "permission denied")
    S.fails("vault: GET /v1/sys/auth HTTP 403", c.auth_list, c)
  end)
end)

test("auth_config POSTs the config to /v1/auth/<path>/config", function()
  local cfg = { kubernetes_host = "https://kubernetes.default.svc" }
  S.with_vault({ ["POST /v1/auth/kubernetes/config"] = { status = 204 }, ["POST /v1/auth/none/config"] = S.errors(404) }, function(c, m)
    assert.eq(c:auth_config("kubernetes", cfg), nil)
    S.check(m:last(), { method = "POST", path = "/v1/auth/kubernetes/config", json = cfg })
    S.fails("vault: POST /v1/auth/none/config HTTP 404", c.auth_config, c, "none", cfg)
  end)
end)

test("auth_create_role POSTs the role to /v1/auth/<path>/role/<role>", function()
  local role = { bound_service_account_names = { "app" }, bound_service_account_namespaces = { "default" }, policies = { "app" }, ttl = "1h" }
  S.with_vault({ ["POST /v1/auth/kubernetes/role/app"] = { status = 204 }, ["POST /v1/auth/kubernetes/role/bad"] = S.errors(400, "x") }, function(c, m)
    assert.eq(c:auth_create_role("kubernetes", "app", role), nil)
    S.check(m:last(), { method = "POST", path = "/v1/auth/kubernetes/role/app", json = role })
    S.fails("vault: POST /v1/auth/kubernetes/role/bad HTTP 400", c.auth_create_role, c, "kubernetes", "bad", {})
  end)
end)

test("auth_read_role returns data; nil on 404; raises on 500", function()
  S.with_vault({
    ["GET /v1/auth/kubernetes/role/app"] = { json = { data = { policies = { "app" }, ttl = 3600 } } },
    ["GET /v1/auth/kubernetes/role/none"] = S.errors(404),
    ["GET /v1/auth/kubernetes/role/bad"] = S.errors(500, "x"),
  }, function(c, m)
    local r = c:auth_read_role("kubernetes", "app")
    assert.same(r, { policies = { "app" }, ttl = 3600 })
    S.check(m:last(), { method = "GET", path = "/v1/auth/kubernetes/role/app" })
    assert.eq(c:auth_read_role("kubernetes", "none"), nil)
    S.fails("vault: GET /v1/auth/kubernetes/role/bad HTTP 500", c.auth_read_role, c, "kubernetes", "bad")
  end)
end)

test("auth_list_roles LISTs /v1/auth/<path>/role; {} on 404", function()
  S.with_vault({ ["GET /v1/auth/kubernetes/role"] = { json = { data = { keys = { "app", "ops" } } } }, ["GET /v1/auth/none/role"] = S.errors(404) }, function(c, m)
    assert.same(c:auth_list_roles("kubernetes"), { "app", "ops" })
    S.check(m:last(), { method = "GET", path = "/v1/auth/kubernetes/role", query = "list=true" })
    assert.same(c:auth_list_roles("none"), {})
  end)
end)

test("token_create POSTs opts and returns auth", function()
  S.with_vault({ ["POST /v1/auth/token/create"] = { json = { auth = AUTH, data = json.null } } }, function(c, m)
    local a = c:token_create({ policies = { "app" }, ttl = "1h", renewable = true })
    assert.eq(a.client_token, "s.new")
    assert.eq(a.lease_duration, 3600)
    S.check(m:last(), { method = "POST", path = "/v1/auth/token/create", json = { policies = { "app" }, renewable = true, ttl = "1h" } })
  end)
end)

test("token_create without opts sends {}; nil without auth; raises on 403", function()
  local resp = { json = { auth = AUTH } }
  S.with_vault({ ["POST /v1/auth/token/create"] = function() return resp end }, function(c, m)
    assert.eq(c:token_create().client_token, "s.new")
    assert.eq(m:last().body, "{}")
    resp = { status = 204 }
    assert.eq(c:token_create(), nil)
    resp = { json = { data = {} } }
    assert.eq(c:token_create(), nil)
    resp = S.errors(403, "permission denied")
    S.fails("vault: POST /v1/auth/token/create HTTP 403", c.token_create, c)
  end)
end)

test("token_lookup POSTs {token} and returns data", function()
  S.with_vault({ ["POST /v1/auth/token/lookup"] = { json = LOOKUP } }, function(c, m)
    local d = c:token_lookup("s.other")
    assert.eq(d.id, "s.other")
    assert.eq(d.ttl, 3599)
    S.check(m:last(), { method = "POST", path = "/v1/auth/token/lookup", json = { token = "s.other" } })
  end)
end)

test("token_lookup raises on 403 (a bad token)", function()
  S.with_vault({ ["POST /v1/auth/token/lookup"] = S.errors(403, "bad token") }, function(c)
    S.fails('vault: POST /v1/auth/token/lookup HTTP 403: {"errors":["bad token"]}', c.token_lookup, c, "nope")
  end)
end)

test("token_lookup_self GETs /v1/auth/token/lookup-self; nil on 404", function()
  local resp = { json = { data = { id = S.TOKEN, policies = { "root" } } } }
  S.with_vault({ ["GET /v1/auth/token/lookup-self"] = function() return resp end }, function(c, m)
    assert.eq(c:token_lookup_self().id, S.TOKEN)
    S.check(m:last(), { method = "GET", path = "/v1/auth/token/lookup-self" })
    resp = S.errors(404)
    assert.eq(c:token_lookup_self(), nil)
    resp = S.errors(403, "permission denied")
    S.fails("vault: GET /v1/auth/token/lookup-self HTTP 403", c.token_lookup_self, c)
  end)
end)

test("token_revoke POSTs {token}; 204 → nil; raises on 400", function()
  S.with_vault({ ["POST /v1/auth/token/revoke"] = function(req)
    if req.json.token == "bad" then return S.errors(400, "x") end
    return { status = 204 }
  end }, function(c, m)
    assert.eq(c:token_revoke("s.old"), nil)
    S.check(m:last(), { method = "POST", path = "/v1/auth/token/revoke", json = { token = "s.old" } })
    S.fails("vault: POST /v1/auth/token/revoke HTTP 400", c.token_revoke, c, "bad")
  end)
end)

test("token_revoke_self POSTs {} to /v1/auth/token/revoke-self", function()
  local resp = { status = 204 }
  S.with_vault({ ["POST /v1/auth/token/revoke-self"] = function() return resp end }, function(c, m)
    assert.eq(c:token_revoke_self(), nil)
    S.check(m:last(), { method = "POST", path = "/v1/auth/token/revoke-self", json = {} })
    assert.eq(m:last().body, "{}")
    resp = S.errors(403, "permission denied")
    S.fails("vault: POST /v1/auth/token/revoke-self HTTP 403", c.token_revoke_self, c)
  end)
end)
