-- assay.unleash against a mock Unleash answering in Admin API shapes.
local mock = require("assay.testing.mock")
local support = require("assay.testing.support")
local unleash = require("assay.unleash")

local TOKEN = "*:*.unleash-insecure-admin-api-token"
local A = "/api/admin"
local F = A .. "/projects/checkout/features/new-flow"
local ENV = F .. "/environments/production"

--- Runs fn(c, m) against a mock answering `routes` with a client holding TOKEN; checks every
-- request had a route and carried the token as is and the JSON content type.
local function with_unleash(routes, fn, token)
  local client_token = token
  if token == nil then client_token = TOKEN elseif token == false then client_token = nil end
  support.with_mock(routes, function(m) return unleash.client(m.url .. "/", client_token) end, fn, function(r)
    assert.eq(r.headers["content-type"], "application/json")
    if token ~= false then assert.eq(r.headers.authorization, token or TOKEN) end
  end)
end

local fails = support.fails

--- Checks method, path, empty query and the body (json encoded, or `body`, or empty).
local function check(req, method, path, want_json, body)
  assert.not_nil(req, "no request recorded")
  assert.eq(req.method, method)
  assert.eq(req.path, path)
  assert.eq(req.query, "")
  if want_json ~= nil then assert.eq(req.body, json.encode(want_json)) else assert.eq(req.body, body or "") end
end

--- log.info silenced and recorded while fn runs; returns the lines and fn's first result.
local function logs(fn)
  local lines, info = {}, log.info
  log.info = function(msg) lines[#lines + 1] = msg end
  local ok, r = pcall(fn)
  log.info = info
  if not ok then error(r, 0) end
  return lines, r
end

local FEATURE = {
  name = "new-flow", type = "release", project = "checkout", stale = false, impressionData = false,
  environments = { { name = "production", enabled = false, type = "production", strategies = {} } },
}
local STRATEGY = { id = "6a8e0f2c", name = "flexibleRollout", constraints = json.array({}), segments = json.array({}),
  parameters = { rollout = "25", stickiness = "default", groupId = "new-flow" }, sortOrder = 0 }

test("client: token string, v0.4.4 options table, no token; url slashes stripped", function()
  local c = unleash.client("http://unleash:4242//", "tok")
  assert.eq(c.url, "http://unleash:4242")
  assert.eq(c.token, "tok")
  assert.eq(unleash.client("http://u", { token = "t2" }).token, "t2")
  assert.eq(unleash.client("http://u").token, nil)
  fails("unleash.client: url must be a string", unleash.client, nil, "t")
  with_unleash({ ["GET /health"] = { json = { health = "GOOD" } } }, function(c2, m)
    c2:health()
    assert.eq(m:last().headers.authorization, nil)
  end, false)
end)

test("health GETs /health; non-200 raises", function()
  local answer = { json = { health = "GOOD" } }
  with_unleash({ ["GET /health"] = function() return answer end }, function(c, m)
    assert.eq(c:health().health, "GOOD")
    check(m:last(), "GET", "/health")
    answer = { status = 500, json = { health = "BAD" } }
    fails('unleash: GET /health HTTP 500: {"health":"BAD"}', c.health, c)
  end)
end)

test("projects / project", function()
  with_unleash({
    ["GET " .. A .. "/projects"] = { json = { version = 1, projects = { { id = "default", name = "Default", featureCount = 3, mode = "open" } } } },
    ["GET " .. A .. "/projects/default"] = { json = { name = "Default", health = 100, environments = { "development" }, features = {} } },
    ["GET " .. A .. "/projects/nope"] = { status = 404, json = { name = "NotFoundError", message = "No project found" } },
  }, function(c, m)
    assert.eq(c:projects()[1].id, "default")
    check(m:last(), "GET", A .. "/projects")
    assert.eq(c:project("default").health, 100)
    check(m:last(), "GET", A .. "/projects/default")
    assert.eq(c:project("nope"), nil)
  end)
end)

test("lists give {} on 404 or a missing field; reads raise on other statuses", function()
  with_unleash({
    ["GET " .. A .. "/projects"] = { status = 404 },
    ["GET " .. A .. "/environments"] = { json = { version = 1 } },
    ["GET " .. A .. "/projects/checkout/features"] = { status = 404 },
    ["GET " .. A .. "/api-tokens"] = { json = {} },
    ["GET " .. ENV .. "/strategies"] = { status = 404 },
    ["GET " .. A .. "/projects/err"] = { status = 401, json = { message = "You must log in" } },
  }, function(c)
    assert.same(c:projects(), {})
    assert.same(c:environments(), {})
    assert.same(c:features("checkout"), {})
    assert.same(c:tokens(), {})
    assert.same(c:strategies("checkout", "new-flow", "production"), {})
    fails('unleash: GET ' .. A .. '/projects/err HTTP 401: {"message":"You must log in"}', c.project, c, "err")
  end)
end)

test("create_project / update_project / delete_project", function()
  with_unleash({
    ["POST " .. A .. "/projects"] = { status = 201, json = { id = "checkout", name = "Checkout" } },
    ["PUT " .. A .. "/projects/checkout"] = { status = 200, body = "" },
    ["DELETE " .. A .. "/projects/checkout"] = { status = 200, body = "" },
  }, function(c, m)
    assert.eq(c:create_project({ id = "checkout", name = "Checkout" }).name, "Checkout")
    check(m:last(), "POST", A .. "/projects", { id = "checkout", name = "Checkout" })
    assert.eq(c:update_project("checkout", { name = "Checkout v2", description = "d" }), nil)
    check(m:last(), "PUT", A .. "/projects/checkout", { description = "d", name = "Checkout v2" })
    assert.eq(c:delete_project("checkout"), nil)
    check(m:last(), "DELETE", A .. "/projects/checkout")
  end)
end)

test("writes raise unleash: <METHOD> <path> HTTP <s>: <body>", function()
  with_unleash({
    ["POST " .. A .. "/projects"] = { status = 409, json = { name = "NameExistsError", message = "A project with this id already exists." } },
    ["PUT " .. A .. "/projects/x"] = { status = 400, body = "bad" },
    ["DELETE " .. A .. "/projects/x"] = { status = 403, body = "forbidden" },
    ["POST " .. ENV .. "/on"] = { status = 404, body = "no such env" },
  }, function(c)
    fails('unleash: POST ' .. A .. '/projects HTTP 409: {"message":"A project with this id already exists.","name":"NameExistsError"}', c.create_project, c, { id = "x" })
    fails("unleash: PUT " .. A .. "/projects/x HTTP 400: bad", c.update_project, c, "x", {})
    fails("unleash: DELETE " .. A .. "/projects/x HTTP 403: forbidden", c.delete_project, c, "x")
    fails("unleash: POST " .. ENV .. "/on HTTP 404: no such env", c.toggle_on, c, "checkout", "new-flow", "production")
  end)
end)

test("environments / enable_environment / disable_environment", function()
  with_unleash({
    ["GET " .. A .. "/environments"] = { json = { version = 1, environments = { { name = "development", type = "development", enabled = true }, { name = "production", type = "production", enabled = true } } } },
    ["POST " .. A .. "/projects/checkout/environments"] = { status = 200, body = "" },
    ["DELETE " .. A .. "/projects/checkout/environments/development"] = { status = 200, body = "" },
  }, function(c, m)
    assert.eq(c:environments()[2].name, "production")
    check(m:last(), "GET", A .. "/environments")
    assert.eq(c:enable_environment("checkout", "production"), nil)
    check(m:last(), "POST", A .. "/projects/checkout/environments", { environment = "production" })
    c:disable_environment("checkout", "development")
    check(m:last(), "DELETE", A .. "/projects/checkout/environments/development")
  end)
end)

test("features / feature / create / update / archive", function()
  with_unleash({
    ["GET " .. A .. "/projects/checkout/features"] = { json = { version = 2, features = { FEATURE } } },
    ["GET " .. F] = { json = FEATURE },
    ["GET " .. A .. "/projects/checkout/features/gone"] = { status = 404 },
    ["POST " .. A .. "/projects/checkout/features"] = { status = 201, json = FEATURE },
    ["PUT " .. F] = { json = FEATURE },
    ["DELETE " .. F] = { status = 202, body = "" },
  }, function(c, m)
    assert.eq(c:features("checkout")[1].name, "new-flow")
    check(m:last(), "GET", A .. "/projects/checkout/features")
    assert.eq(c:feature("checkout", "new-flow").environments[1].name, "production")
    check(m:last(), "GET", F)
    assert.eq(c:feature("checkout", "gone"), nil)
    local created = c:create_feature("checkout", { name = "new-flow", type = "release", description = "new checkout flow" })
    assert.eq(created.project, "checkout")
    check(m:last(), "POST", A .. "/projects/checkout/features", { description = "new checkout flow", name = "new-flow", type = "release" })
    assert.eq(c:update_feature("checkout", "new-flow", { description = "d", type = "release" }).name, "new-flow")
    check(m:last(), "PUT", F, { description = "d", type = "release" })
    assert.eq(c:archive_feature("checkout", "new-flow"), nil, "202 with an empty body")
    check(m:last(), "DELETE", F)
  end)
end)

test("toggle_on / toggle_off POST {} to .../environments/<env>/on|off", function()
  with_unleash({
    ["POST " .. ENV .. "/on"] = { status = 200, body = "" },
    ["POST " .. ENV .. "/off"] = { status = 200, body = "" },
  }, function(c, m)
    assert.eq(c:toggle_on("checkout", "new-flow", "production"), nil)
    check(m:last(), "POST", ENV .. "/on", nil, "{}")
    assert.eq(c:toggle_off("checkout", "new-flow", "production"), nil)
    check(m:last(), "POST", ENV .. "/off", nil, "{}")
  end)
end)

test("strategies: list (array or {strategies}), add, update, delete", function()
  local list = { STRATEGY }
  with_unleash({
    ["GET " .. ENV .. "/strategies"] = function() return { json = list } end,
    ["POST " .. ENV .. "/strategies"] = { json = STRATEGY },
    ["PUT " .. ENV .. "/strategies/6a8e0f2c"] = { json = STRATEGY },
    ["DELETE " .. ENV .. "/strategies/6a8e0f2c"] = { status = 200, body = "" },
  }, function(c, m)
    local s = c:strategies("checkout", "new-flow", "production")
    assert.eq(s[1].parameters.rollout, "25")
    check(m:last(), "GET", ENV .. "/strategies")
    list = { strategies = { STRATEGY } }
    assert.eq(c:strategies("checkout", "new-flow", "production")[1].id, "6a8e0f2c")
    list = json.array({})
    assert.same(c:strategies("checkout", "new-flow", "production"), {})
    local new = { name = "flexibleRollout", parameters = { rollout = "25", stickiness = "default", groupId = "new-flow" } }
    assert.eq(c:add_strategy("checkout", "new-flow", "production", new).id, "6a8e0f2c")
    check(m:last(), "POST", ENV .. "/strategies", new)
    new.parameters.rollout = "50"
    c:update_strategy("checkout", "new-flow", "production", "6a8e0f2c", new)
    check(m:last(), "PUT", ENV .. "/strategies/6a8e0f2c", new)
    assert.eq(c:delete_strategy("checkout", "new-flow", "production", "6a8e0f2c"), nil)
    check(m:last(), "DELETE", ENV .. "/strategies/6a8e0f2c")
  end)
end)

test("tokens / create_token / delete_token", function()
  local tok = { secret = "default:production.abc123", tokenName = "checkout-svc", username = "checkout-svc", type = "client", environment = "production", projects = { "default" } }
  with_unleash({
    ["GET " .. A .. "/api-tokens"] = { json = { tokens = { tok } } },
    ["POST " .. A .. "/api-tokens"] = { status = 201, json = tok },
    ["DELETE " .. A .. "/api-tokens/default:production.abc123"] = { status = 200, body = "" },
  }, function(c, m)
    assert.eq(c:tokens()[1].secret, "default:production.abc123")
    check(m:last(), "GET", A .. "/api-tokens")
    local cfg = { username = "checkout-svc", type = "client", environment = "production", projects = { "default" } }
    assert.eq(c:create_token(cfg).secret, "default:production.abc123")
    check(m:last(), "POST", A .. "/api-tokens", cfg)
    c:delete_token("default:production.abc123")
    check(m:last(), "DELETE", A .. "/api-tokens/default:production.abc123")
  end)
end)

test("wait polls /health until 200", function()
  local calls = 0
  local m = mock.server({ ["GET /health"] = function()
    calls = calls + 1
    return calls < 3 and { status = 503, json = { health = "BAD" } } or { json = { health = "GOOD" } }
  end })
  local lines, r = logs(function() return unleash.wait(m.url .. "/", { timeout = 1, interval = 0.01 }) end)
  assert.eq(r, true)
  assert.eq(calls, 3)
  assert.eq(lines[1], "Waiting for Unleash... (1/100)")
  assert.eq(lines[3], "Unleash healthy after 0.03s")
  assert.eq(m:last().headers.authorization, nil)
  m:close()
end)

test("wait raises after the timeout, also when nothing listens", function()
  local m = mock.server({ ["GET /health"] = { status = 503, body = "" } })
  local lines = logs(function()
    fails("unleash.wait: not reachable at " .. m.url .. " after 0.03s", unleash.wait, m.url, { timeout = 0.03, interval = 0.01 })
  end)
  assert.eq(m:count(), 3)
  assert.eq(#lines, 2)
  m:close()
  logs(function()
    fails("unleash.wait: not reachable at " .. m.url .. " after 0.02s", unleash.wait, m.url, { timeout = 0.02, interval = 0.01 })
  end)
end)

test("ensure_project returns the existing project or creates it", function()
  local exists = true
  with_unleash({
    ["GET " .. A .. "/projects/checkout"] = function() return exists and { json = { name = "Checkout" } } or { status = 404 } end,
    ["POST " .. A .. "/projects"] = { status = 201, json = { id = "checkout", name = "Checkout" } },
  }, function(c, m)
    local lines, p = logs(function() return unleash.ensure_project(c, "checkout") end)
    assert.eq(p.name, "Checkout")
    assert.same(lines, { "Project already exists: checkout" })
    assert.eq(m:count("POST " .. A .. "/projects"), 0)
    exists = false
    lines, p = logs(function() return unleash.ensure_project(c, "checkout", { name = "Checkout", description = "payments" }) end)
    assert.eq(p.id, "checkout")
    check(m:last(), "POST", A .. "/projects", { description = "payments", id = "checkout", name = "Checkout" })
    assert.same(lines, { "Created project: checkout" })
    logs(function() return unleash.ensure_project(c, "checkout") end)
    check(m:last(), "POST", A .. "/projects", { id = "checkout", name = "checkout" })
  end)
end)

test("ensure_environment: enabled, already enabled (409 / 'already'), other failures raise", function()
  local answer = { status = 200, body = "" }
  with_unleash({ ["POST " .. A .. "/projects/checkout/environments"] = function() return answer end }, function(c, m)
    local lines, r = logs(function() return unleash.ensure_environment(c, "checkout", "production") end)
    assert.eq(r, true)
    check(m:last(), "POST", A .. "/projects/checkout/environments", { environment = "production" })
    assert.same(lines, { "Enabled environment production on project checkout" })
    answer = { status = 409, json = { message = "conflict" } }
    lines, r = logs(function() return unleash.ensure_environment(c, "checkout", "production") end)
    assert.eq(r, true)
    assert.same(lines, { "Environment production already enabled on project checkout" })
    answer = { status = 400, json = { message = "Environment production is already enabled for project checkout" } }
    assert.eq(logs(function() return unleash.ensure_environment(c, "checkout", "production") end)[1], "Environment production already enabled on project checkout")
    answer = { status = 404, json = { message = "Could not find environment staging" } }
    local err = fails("unleash.ensure_environment: ", unleash.ensure_environment, c, "checkout", "staging")
    assert.contains(err, "HTTP 404")
  end)
end)

test("ensure_token requires username and type", function()
  with_unleash({}, function(c)
    fails("unleash.ensure_token: opts.username is required", unleash.ensure_token, c, { type = "client" })
    fails("unleash.ensure_token: opts.type is required", unleash.ensure_token, c, { username = "svc" })
  end)
end)

test("ensure_token returns a matching token or creates one", function()
  local tokens = {
    { secret = "a", username = "svc", type = "client", environment = "development" },
    { secret = "b", tokenName = "svc", type = "client", environment = "production" },
    { secret = "c", username = "svc", type = "frontend", environment = "production" },
  }
  with_unleash({
    ["GET " .. A .. "/api-tokens"] = function() return { json = { tokens = tokens } } end,
    ["POST " .. A .. "/api-tokens"] = { status = 201, json = { secret = "new" } },
  }, function(c, m)
    local lines, t = logs(function() return unleash.ensure_token(c, { username = "svc", type = "client" }) end)
    assert.eq(t.secret, "a")
    assert.same(lines, { "Token already exists for svc (client)" })
    _, t = logs(function() return unleash.ensure_token(c, { username = "svc", type = "client", environment = "production" }) end)
    assert.eq(t.secret, "b", "matched by tokenName")
    assert.eq(m:count("POST " .. A .. "/api-tokens"), 0)
    lines, t = logs(function()
      return unleash.ensure_token(c, { username = "svc", type = "admin", environment = "production", projects = { "checkout" } })
    end)
    assert.eq(t.secret, "new")
    check(m:last(), "POST", A .. "/api-tokens", { environment = "production", projects = { "checkout" }, type = "admin", username = "svc" })
    assert.same(lines, { "Created token for svc (admin)" })
  end)
end)
