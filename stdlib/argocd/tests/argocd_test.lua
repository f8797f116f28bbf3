-- Tests of assay.argocd against a mock Argo CD API server.
local mock = require("assay.testing.mock")
local support = require("assay.testing.support")
local argocd = require("assay.argocd")

local function app(name, health, sync)
  return {
    metadata = { name = name, namespace = "argocd" },
    spec = { project = "default", source = { repoURL = "https://github.com/example/apps", path = name } },
    status = {
      health = { status = health, message = health .. " message" },
      sync = { status = sync, revision = "abc123" },
    },
  }
end

local function list(items) return { metadata = { resourceVersion = "42" }, items = items } end

-- A mock server with the given routes and a token client on it (the URL's trailing slashes
-- must be stripped).
local function setup(routes, opts)
  local m = mock.server(routes)
  return m, argocd.client(m.url .. "///", opts or { token = "tok" })
end

-- Checks the latest request: method, path, raw query, and the headers every call sends.
local function expect(m, method, path, query)
  return support.expect_last(m, method, path, query, { authorization = "Bearer tok", ["content-type"] = "application/json" })
end

-- Starts a server answering every poll of the application with the next state of `states`
-- (the last one repeats).
local function polling(states)
  local n = 0
  return setup({
    ["GET /api/v1/applications/web"] = function()
      n = n + 1
      local s = states[math.min(n, #states)]
      return { json = app("web", s[1], s[2]) }
    end,
  })
end

test("client strips trailing slashes and keeps its options as fields", function()
  local c = argocd.client("http://argocd.local///", { token = "t", username = "u", password = "p" })
  assert.eq(c.url, "http://argocd.local")
  assert.eq(c.token, "t")
  assert.eq(c.username, "u")
  assert.eq(c.password, "p")
  local ok, err = pcall(argocd.client, nil)
  assert.eq(ok, false)
  assert.contains(err, "argocd.client: url must be a string")
end)

test("version sends the Bearer token and Content-Type", function()
  local m, c = setup({ ["GET /api/version"] = { json = { Version = "v2.10.0", GitCommit = "abc123" } } })
  local v = c:version()
  assert.eq(v.Version, "v2.10.0")
  local req = expect(m, "GET", "/api/version")
  assert.eq(req.body, "")
end)

test("username and password give Basic auth; nothing gives no Authorization", function()
  local m = mock.server({ ["GET /api/version"] = { json = { Version = "v2.10.0" } } })
  argocd.client(m.url, { username = "admin", password = "password" }):version()
  assert.eq(m:last().headers.authorization, "Basic YWRtaW46cGFzc3dvcmQ=")
  argocd.client(m.url, { username = "admin" }):version()
  assert.eq(m:last().headers.authorization, nil)
  argocd.client(m.url):version()
  assert.eq(m:last().headers.authorization, nil)
  assert.eq(m:last().headers["content-type"], "application/json")
end)

test("applications lists items", function()
  local m, c = setup({
    ["GET /api/v1/applications"] = { json = list({ app("web", "Healthy", "Synced"), app("api", "Degraded", "OutOfSync") }) },
  })
  local apps = c:applications()
  expect(m, "GET", "/api/v1/applications")
  assert.eq(#apps, 2)
  assert.eq(apps[2].metadata.name, "api")
  assert.eq(apps[2].status.sync.status, "OutOfSync")
end)

test("applications passes project and selector unencoded; no items gives {}", function()
  local m, c = setup({ ["GET /api/v1/applications"] = { json = { metadata = {} } } })
  assert.same(c:applications({ project = "prod", selector = "team=a" }), {})
  local req = expect(m, "GET", "/api/v1/applications", "project=prod&selector=team=a")
  assert.eq(req.args.project, "prod")
  c:applications({ selector = "x" })
  expect(m, "GET", "/api/v1/applications", "selector=x")
end)

test("application returns the application object", function()
  local m, c = setup({ ["GET /api/v1/applications/:name"] = function(req) return { json = app(req.params.name, "Healthy", "Synced") } end })
  local a = c:application("guestbook")
  expect(m, "GET", "/api/v1/applications/guestbook")
  assert.eq(a.metadata.name, "guestbook")
  assert.eq(a.spec.source.path, "guestbook")
  assert.eq(a.status.sync.revision, "abc123")
end)

test("app_health summarises status.health and status.sync", function()
  local m, c = setup({ ["GET /api/v1/applications/web"] = { json = app("web", "Degraded", "Synced") } })
  assert.same(c:app_health("web"), { status = "Degraded", sync = "Synced", message = "Degraded message" })
  expect(m, "GET", "/api/v1/applications/web")
  m:on("GET /api/v1/applications/web", { json = { metadata = { name = "web" } } })
  assert.same(c:app_health("web"), {})
end)

test("sync posts revision, prune, dryRun and strategy", function()
  local m, c = setup({ ["POST /api/v1/applications/web/sync"] = { json = { status = { operationState = { phase = "Running" } } } } })
  local r = c:sync("web", { revision = "def456", prune = true, dry_run = false, strategy = { hook = { force = true } } })
  assert.eq(r.status.operationState.phase, "Running")
  local req = expect(m, "POST", "/api/v1/applications/web/sync")
  assert.eq(req.body, '{"dryRun":false,"prune":true,"revision":"def456","strategy":{"hook":{"force":true}}}')
end)

test("sync without options posts an empty JSON object", function()
  local m, c = setup({ ["POST /api/v1/applications/web/sync"] = { json = app("web", "Healthy", "Synced") } })
  c:sync("web")
  assert.eq(expect(m, "POST", "/api/v1/applications/web/sync").body, "{}")
end)

test("refresh asks for a normal refresh unless told otherwise", function()
  local m, c = setup({ ["GET /api/v1/applications/web"] = { json = app("web", "Healthy", "Synced") } })
  assert.eq(c:refresh("web").metadata.name, "web")
  expect(m, "GET", "/api/v1/applications/web", "refresh=normal")
  c:refresh("web", { type = "hard" })
  expect(m, "GET", "/api/v1/applications/web", "refresh=hard")
end)

test("rollback puts the history id", function()
  local m, c = setup({ ["PUT /api/v1/applications/web/rollback"] = { json = { status = { operationState = { phase = "Succeeded" } } } } })
  assert.eq(c:rollback("web", 5).status.operationState.phase, "Succeeded")
  assert.eq(expect(m, "PUT", "/api/v1/applications/web/rollback").body, '{"id":5}')
end)

test("app_resources returns the resource tree", function()
  local tree = { nodes = { { kind = "Deployment", name = "web" }, { kind = "Service", name = "web" } } }
  local m, c = setup({ ["GET /api/v1/applications/web/resource-tree"] = { json = tree } })
  assert.same(c:app_resources("web"), tree)
  expect(m, "GET", "/api/v1/applications/web/resource-tree")
end)

test("app_manifests passes the revision when given", function()
  local m, c = setup({ ["GET /api/v1/applications/web/manifests"] = { json = { manifests = { "{}", "{}" }, revision = "abc" } } })
  assert.eq(#c:app_manifests("web").manifests, 2)
  expect(m, "GET", "/api/v1/applications/web/manifests")
  c:app_manifests("web", { revision = "v1.2" })
  expect(m, "GET", "/api/v1/applications/web/manifests", "revision=v1.2")
  c:app_manifests("web", { revision = "v1.2+build#3" })
  local req = expect(m, "GET", "/api/v1/applications/web/manifests", "revision=v1.2%2Bbuild%233")
  assert.eq(req.args.revision, "v1.2+build#3")
end)

test("delete_app sends cascade and propagationPolicy and returns the answer", function()
  local m, c = setup({ ["DELETE /api/v1/applications/web"] = { json = { metadata = { name = "web" } } } })
  assert.eq(c:delete_app("web", { cascade = false, propagation_policy = "foreground" }).metadata.name, "web")
  expect(m, "DELETE", "/api/v1/applications/web", "cascade=false&propagationPolicy=foreground")
end)

test("delete_app returns nil for an empty answer", function()
  local m, c = setup({ ["DELETE /api/v1/applications/web"] = { status = 200, body = "" } })
  assert.eq(c:delete_app("web"), nil)
  expect(m, "DELETE", "/api/v1/applications/web")
end)

test("projects and project", function()
  local proj = { metadata = { name = "default" }, spec = { sourceRepos = { "*" } } }
  local m, c = setup({
    ["GET /api/v1/projects"] = { json = list({ proj }) },
    ["GET /api/v1/projects/default"] = { json = proj },
  })
  assert.eq(c:projects()[1].metadata.name, "default")
  expect(m, "GET", "/api/v1/projects")
  assert.eq(c:project("default").spec.sourceRepos[1], "*")
  expect(m, "GET", "/api/v1/projects/default")
  m:on("GET /api/v1/projects", { json = {} })
  assert.same(c:projects(), {})
end)

test("repositories and repository (URL percent-encoded into the path)", function()
  local repo = { repo = "https://github.com/example/apps.git", type = "git", connectionState = { status = "Successful" } }
  local m, c = setup({
    ["GET /api/v1/repositories"] = { json = list({ repo }) },
    ["GET /api/v1/repositories/:url"] = function(req) return { json = { repo = req.params.url, type = "git" } } end,
  })
  assert.eq(c:repositories()[1].connectionState.status, "Successful")
  expect(m, "GET", "/api/v1/repositories")
  assert.eq(c:repository("https://github.com/example/apps.git").repo, "https://github.com/example/apps.git")
  expect(m, "GET", "/api/v1/repositories/https%3A%2F%2Fgithub.com%2Fexample%2Fapps.git")
end)

test("clusters and cluster (server URL percent-encoded into the path)", function()
  local cl = { server = "https://kubernetes.default.svc", name = "in-cluster", info = { serverVersion = "1.28" } }
  local m, c = setup({
    ["GET /api/v1/clusters"] = { json = list({ cl }) },
    ["GET /api/v1/clusters/:server"] = function(req) return { json = { server = req.params.server } } end,
  })
  assert.eq(c:clusters()[1].name, "in-cluster")
  expect(m, "GET", "/api/v1/clusters")
  assert.eq(c:cluster("https://10.0.0.1:6443").server, "https://10.0.0.1:6443")
  expect(m, "GET", "/api/v1/clusters/https%3A%2F%2F10.0.0.1%3A6443")
end)

test("settings", function()
  local m, c = setup({ ["GET /api/v1/settings"] = { json = { url = "https://argocd.example.com", dexConfig = {} } } })
  assert.eq(c:settings().url, "https://argocd.example.com")
  expect(m, "GET", "/api/v1/settings")
end)

test("is_healthy and is_synced", function()
  local m, c = setup({ ["GET /api/v1/applications/web"] = { json = app("web", "Healthy", "OutOfSync") } })
  assert.eq(c:is_healthy("web"), true)
  assert.eq(c:is_synced("web"), false)
  m:on("GET /api/v1/applications/web", { json = app("web", "Progressing", "Synced") })
  assert.eq(c:is_healthy("web"), false)
  assert.eq(c:is_synced("web"), true)
  expect(m, "GET", "/api/v1/applications/web")
end)

test("wait_healthy polls until the application is healthy", function()
  local m, c = polling({ { "Progressing", "Synced" }, { "Progressing", "Synced" }, { "Healthy", "Synced" } })
  assert.eq(c:wait_healthy("web", 5, { interval = 0.01 }), true)
  assert.eq(m:count("GET /api/v1/applications/web"), 3)
end)

test("wait_synced polls until the application is synced", function()
  local m, c = polling({ { "Healthy", "OutOfSync" }, { "Healthy", "Synced" } })
  assert.eq(c:wait_synced("web", 5, { interval = 0.01 }), true)
  assert.eq(m:count("GET /api/v1/applications/web"), 2)
end)

test("wait_healthy and wait_synced time out", function()
  local m, c = polling({ { "Degraded", "OutOfSync" } })
  local ok, err = pcall(c.wait_healthy, c, "web", 0.05, { interval = 0.01 })
  assert.eq(ok, false)
  assert.contains(err, "argocd: timeout waiting for web to become healthy")
  assert.gt(m:count(), 0)
  ok, err = pcall(c.wait_synced, c, "web", 0.05, { interval = 0.01 })
  assert.eq(ok, false)
  assert.contains(err, "argocd: timeout waiting for web to become synced")
end)

test("waits raise HTTP errors at once", function()
  local m, c = setup({ ["GET /api/v1/applications/web"] = { status = 403, body = "permission denied" } })
  local ok, err = pcall(c.wait_healthy, c, "web", 5, { interval = 0.01 })
  assert.eq(ok, false)
  assert.contains(err, "argocd: GET /api/v1/applications/web HTTP 403: permission denied")
  assert.eq(m:count(), 1)
end)

-- Every helper requires exactly 200.
local errors = {
  { "GET", "/api/v1/applications/nope", 404, function(c) return c:application("nope") end },
  { "GET", "/api/v1/applications", 500, function(c) return c:applications() end },
  { "POST", "/api/v1/applications/web/sync", 201, function(c) return c:sync("web") end },
  { "PUT", "/api/v1/applications/web/rollback", 400, function(c) return c:rollback("web", 1) end },
  { "DELETE", "/api/v1/applications/web", 202, function(c) return c:delete_app("web") end },
}
for _, e in ipairs(errors) do
  local method, path, status, call = e[1], e[2], e[3], e[4]
  test(method .. " answered " .. status .. " raises", function()
    local m, c = setup({ [method .. " " .. path] = { status = status, body = "no luck" } })
    local ok, err = pcall(call, c)
    assert.eq(ok, false)
    assert.contains(err, "argocd: " .. method .. " " .. path .. " HTTP " .. status .. ": no luck")
    assert.eq(m:count(), 1)
  end)
end
