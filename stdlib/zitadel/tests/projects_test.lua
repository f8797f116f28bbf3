-- assay.zitadel: projects and OIDC applications.
local S = dofile((arg[0]:match("^(.*/)") or "") .. "support.lua")

local SEARCH = "/management/v1/projects/_search"
local PROJECTS = "/management/v1/projects"
local APPS = "/management/v1/projects/p1/apps"

local NAME_QUERY = function(name) return { queries = { { nameQuery = { method = "TEXT_QUERY_METHOD_EQUALS", name = name } } } } end

test("find_project searches by exact name and returns the first result", function()
  S.with_zitadel({ ["POST " .. SEARCH] = { json = { details = { totalResult = "1" }, result = { { id = "p1", name = "platform", state = "PROJECT_STATE_ACTIVE" } } } } }, function(c, m)
    assert.eq(c:find_project("platform").id, "p1")
    S.check(m:last(), { method = "POST", path = SEARCH, json = NAME_QUERY("platform") })
  end)
end)

test("find_project: nil for no result, an empty result, a failed search", function()
  local answer = { json = { details = { totalResult = "0" } } }
  S.with_zitadel({ ["POST " .. SEARCH] = function() return answer end }, function(c)
    assert.eq(c:find_project("x"), nil)
    answer = { json = { result = json.array({}) } }
    assert.eq(c:find_project("x"), nil)
    answer = { status = 500, body = "internal" }
    assert.eq(c:find_project("x"), nil)
  end)
end)

test("create_project POSTs the name (and projectRoleAssertion when given)", function()
  S.with_zitadel({ ["POST " .. PROJECTS] = { json = { id = "p9", details = { sequence = "5" } } } }, function(c, m)
    local lines, p = S.logs(function() return c:create_project("platform") end)
    assert.eq(p.id, "p9")
    S.check(m:last(), { method = "POST", path = PROJECTS, json = { name = "platform" } })
    assert.same(lines, { "INFO Created project 'platform' (id=p9)" })
    S.logs(function() return c:create_project("roles", { projectRoleAssertion = false }) end)
    S.check(m:last(), { method = "POST", path = PROJECTS, json = { name = "roles", projectRoleAssertion = false } })
  end)
end)

test("create_project raises on a non-200", function()
  S.with_zitadel({ ["POST " .. PROJECTS] = { status = 409, json = { code = 6, message = "Project already exists" } } }, function(c)
    S.fails([[zitadel: failed to create project 'platform' (HTTP 409): {"code":6,"message":"Project already exists"}]], c.create_project, c, "platform")
  end)
end)

test("ensure_project returns the existing project or creates it", function()
  local found = { json = { result = { { id = "p1", name = "platform" } } } }
  S.with_zitadel({
    ["POST " .. SEARCH] = function() return found end,
    ["POST " .. PROJECTS] = { json = { id = "p2" } },
  }, function(c, m)
    local lines, p = S.logs(function() return c:ensure_project("platform") end)
    assert.eq(p.id, "p1")
    assert.eq(m:count("POST " .. PROJECTS), 0)
    assert.same(lines, { "INFO Project 'platform' already exists (id=p1)" })
    found = { json = {} }
    _, p = S.logs(function() return c:ensure_project("platform", { projectRoleAssertion = true }) end)
    assert.eq(p.id, "p2")
    S.check(m:last(), { method = "POST", path = PROJECTS, json = { name = "platform", projectRoleAssertion = true } })
  end)
end)

test("find_app searches by name with a limit and matches the name exactly", function()
  S.with_zitadel({ ["POST " .. APPS .. "/_search"] = { json = { result = { { id = "a0", name = "grafana-old" }, { id = "a1", name = "grafana" } } } } }, function(c, m)
    assert.eq(c:find_app("p1", "grafana").id, "a1")
    assert.eq(#m.requests, 1)
    local body = NAME_QUERY("grafana")
    body.query = { limit = 100 }
    S.check(m:last(), { method = "POST", path = APPS .. "/_search", json = body })
    assert.eq(c:find_app("p1", "argocd"), nil)
  end)
end)

test("find_app falls back to listing all apps when the name query is refused", function()
  S.with_zitadel({ ["POST " .. APPS .. "/_search"] = function(req)
    if req.json.queries then return { status = 400, json = { message = "unknown field" } } end
    return { json = { result = { { id = "a1", name = "grafana" } } } }
  end }, function(c, m)
    assert.eq(c:find_app("p1", "grafana").id, "a1")
    assert.eq(#m.requests, 2)
    S.check(m.requests[2], { method = "POST", path = APPS .. "/_search", json = { query = { limit = 100 } } })
  end)
  S.with_zitadel({ ["POST " .. APPS .. "/_search"] = { status = 500, body = "x" } }, function(c, m)
    assert.eq(c:find_app("p1", "grafana"), nil)
    assert.eq(#m.requests, 2)
  end)
end)

local DEFAULT_APP = {
  name = "grafana",
  redirectUris = { "https://grafana.example.com/login/generic_oauth" },
  postLogoutRedirectUris = { "https://grafana.example.com/" },
  responseTypes = { "OIDC_RESPONSE_TYPE_CODE" },
  grantTypes = { "OIDC_GRANT_TYPE_AUTHORIZATION_CODE", "OIDC_GRANT_TYPE_REFRESH_TOKEN" },
  appType = "OIDC_APP_TYPE_WEB",
  authMethodType = "OIDC_AUTH_METHOD_TYPE_BASIC",
  accessTokenType = "OIDC_TOKEN_TYPE_BEARER",
  accessTokenRoleAssertion = true,
  idTokenRoleAssertion = true,
  idTokenUserinfoAssertion = true,
  devMode = false,
  clockSkew = "0s",
}

test("create_oidc_app POSTs the defaults built from subdomain and callbackPath", function()
  S.with_zitadel({ ["POST " .. APPS .. "/oidc"] = { json = { appId = "a1", clientId = "c-123", clientSecret = "s3cret" } } }, function(c, m)
    local lines, app = S.logs(function()
      return c:create_oidc_app("p1", { name = "grafana", subdomain = "grafana", callbackPath = "/login/generic_oauth" })
    end)
    assert.eq(app.clientId, "c-123")
    assert.eq(app.clientSecret, "s3cret")
    S.check(m:last(), { method = "POST", path = APPS .. "/oidc", json = DEFAULT_APP })
    assert.same(lines, { "INFO Created OIDC app 'grafana' (clientId=c-123)" })
  end)
end)

test("create_oidc_app takes the caller's fields over the defaults", function()
  local o = {
    name = "cli", redirectUris = { "http://localhost:8000/callback" }, postLogoutRedirectUris = {},
    responseTypes = { "OIDC_RESPONSE_TYPE_CODE" }, grantTypes = { "OIDC_GRANT_TYPE_DEVICE_CODE" },
    appType = "OIDC_APP_TYPE_NATIVE", authMethodType = "OIDC_AUTH_METHOD_TYPE_NONE", accessTokenType = "OIDC_TOKEN_TYPE_JWT",
    accessTokenRoleAssertion = false, idTokenRoleAssertion = false, idTokenUserinfoAssertion = false,
    devMode = true, clockSkew = "1s",
  }
  S.with_zitadel({ ["POST " .. APPS .. "/oidc"] = { json = { clientId = "c" } } }, function(c, m)
    S.logs(function() return c:create_oidc_app("p1", o) end)
    S.check(m:last(), { method = "POST", path = APPS .. "/oidc", json = o })
  end)
end)

test("create_oidc_app: 409 returns the existing app, or a stub when the search misses", function()
  local apps = { { id = "a1", name = "grafana" } }
  S.with_zitadel({
    ["POST " .. APPS .. "/oidc"] = { status = 409, json = { code = 6, message = "already exists" } },
    ["POST " .. APPS .. "/_search"] = function() return { json = { result = json.array(apps) } } end,
  }, function(c)
    local o = { name = "grafana", subdomain = "grafana", callbackPath = "/cb" }
    local lines, app = S.logs(function() return c:create_oidc_app("p1", o) end)
    assert.eq(app.id, "a1")
    assert.same(lines, { "INFO OIDC app 'grafana' already exists (409), looking up..." })
    apps = {}
    lines, app = S.logs(function() return c:create_oidc_app("p1", o) end)
    assert.same(app, { id = "existing", name = "grafana" })
    assert.eq(lines[2], "WARN OIDC app 'grafana' exists (409) but search did not find it, returning stub")
  end)
end)

test("create_oidc_app raises on other statuses", function()
  S.with_zitadel({ ["POST " .. APPS .. "/oidc"] = { status = 400, body = "invalid redirect" } }, function(c)
    S.fails("zitadel: failed to create OIDC app 'grafana' (HTTP 400): invalid redirect",
      c.create_oidc_app, c, "p1", { name = "grafana", redirectUris = { "x" }, postLogoutRedirectUris = { "y" } })
  end)
end)

test("ensure_oidc_app returns the existing app or creates one", function()
  local apps = { { id = "a1", name = "grafana" } }
  S.with_zitadel({
    ["POST " .. APPS .. "/_search"] = function() return { json = { result = json.array(apps) } } end,
    ["POST " .. APPS .. "/oidc"] = { json = { appId = "a2", clientId = "c2" } },
  }, function(c, m)
    local o = { name = "grafana", subdomain = "grafana", callbackPath = "/login/generic_oauth" }
    local lines, app = S.logs(function() return c:ensure_oidc_app("p1", o) end)
    assert.eq(app.id, "a1")
    assert.same(lines, { "INFO OIDC app 'grafana' already exists (id=a1)" })
    assert.eq(m:count("POST " .. APPS .. "/oidc"), 0)
    apps = {}
    _, app = S.logs(function() return c:ensure_oidc_app("p1", o) end)
    assert.eq(app.clientId, "c2")
    S.check(m:last(), { method = "POST", path = APPS .. "/oidc", json = DEFAULT_APP })
  end)
end)
