-- assay.harbor against a mock Harbor answering in API v2.0 shapes.
local support = require("assay.testing.support")
local harbor = require("assay.harbor")

local API = "/api/v2.0"
local P = API .. "/projects/library/repositories/nginx"
local BASIC = "Basic " .. base64.encode("admin:Harbor12345")

--- Runs fn(c, m) against a mock answering `routes` with a client logged in as admin (Basic);
-- checks every request had a route and carried the auth and content-type headers.
local function with_harbor(routes, fn, opts)
  local function make(m) return harbor.client(m.url .. "//", opts or { username = "admin", password = "Harbor12345" }) end
  support.with_mock(routes, make, fn, function(r)
    assert.eq(r.headers["content-type"], "application/json")
    if not opts then assert.eq(r.headers.authorization, BASIC) end
  end)
end

local fails = support.fails

local function check(req, method, path, query)
  assert.not_nil(req, "no request recorded")
  assert.eq(req.method, method)
  assert.eq(req.path, path)
  assert.eq(req.query, query or "")
end

local HEALTH = {
  status = "healthy",
  components = { { name = "core", status = "healthy" }, { name = "database", status = "healthy" }, { name = "registry", status = "healthy" } },
}

local ARTIFACT = {
  id = 7, digest = "sha256:abc", type = "IMAGE", push_time = "2026-02-13T10:00:00.000Z",
  tags = { { id = 1, name = "1.27", immutable = false } },
  scan_overview = {
    ["application/vnd.security.vulnerability.report; version=1.1"] = {
      report_id = "r1", scan_status = "Success", severity = "High",
      summary = { total = 12, fixable = 9, summary = { Critical = 1, High = 3, Medium = 5, Low = 3 } },
    },
  },
}

test("client fields; Bearer api_key wins over Basic; no credentials sends none", function()
  local c = harbor.client("https://h///", { api_key = "k", username = "u", password = "p" })
  assert.eq(c.url, "https://h")
  assert.eq(c.api_key, "k")
  assert.eq(c.username, "u")
  with_harbor({ ["GET " .. API .. "/health"] = { json = HEALTH } }, function(c2, m)
    c2:health()
    assert.eq(m:last().headers.authorization, "Bearer robot-key")
  end, { api_key = "robot-key", username = "admin", password = "x" })
  with_harbor({ ["GET " .. API .. "/health"] = { json = HEALTH } }, function(c2, m)
    c2:health()
    assert.eq(m:last().headers.authorization, nil)
  end, {})
  assert.eq(harbor.client("http://h").api_key, nil)
  fails("harbor.client: url must be a string", harbor.client, nil)
end)

test("health / system_info / statistics GET their endpoints", function()
  with_harbor({
    ["GET " .. API .. "/health"] = { json = HEALTH },
    ["GET " .. API .. "/systeminfo"] = { json = { harbor_version = "v2.12.2-73072d0d", auth_mode = "db_auth" } },
    ["GET " .. API .. "/statistics"] = { json = { private_project_count = 2, public_project_count = 1, total_storage_consumption = 1024 } },
  }, function(c, m)
    assert.eq(c:health().status, "healthy")
    check(m:last(), "GET", API .. "/health")
    assert.eq(c:system_info().harbor_version, "v2.12.2-73072d0d")
    check(m:last(), "GET", API .. "/systeminfo")
    assert.eq(c:statistics().public_project_count, 1)
    check(m:last(), "GET", API .. "/statistics")
  end)
end)

test("GETs raise harbor: GET <path> HTTP <s>: <body>", function()
  local e = { status = 401, json = { errors = { { code = "UNAUTHORIZED", message = "unauthorized" } } } }
  local body = '{"errors":[{"code":"UNAUTHORIZED","message":"unauthorized"}]}'
  with_harbor({
    ["GET " .. API .. "/health"] = e, ["GET " .. API .. "/systeminfo"] = e, ["GET " .. API .. "/statistics"] = e,
    ["GET " .. API .. "/projects"] = e, ["GET " .. API .. "/projects/nope"] = { status = 404, body = "nf" },
  }, function(c)
    fails("harbor: GET " .. API .. "/health HTTP 401: " .. body, c.health, c)
    fails("harbor: GET " .. API .. "/systeminfo HTTP 401: " .. body, c.system_info, c)
    fails("harbor: GET " .. API .. "/statistics HTTP 401: " .. body, c.statistics, c)
    fails("harbor: GET " .. API .. "/projects?page=2 HTTP 401: " .. body, c.projects, c, { page = 2 })
    fails("harbor: GET " .. API .. "/projects/nope HTTP 404: nf", c.project, c, "nope")
    fails("harbor: GET " .. API .. "/health HTTP 401", c.is_healthy, c)
  end)
end)

test("projects without and with every query parameter (in order, unencoded)", function()
  local list = { { project_id = 1, name = "library", metadata = { public = "true" } } }
  with_harbor({ ["GET " .. API .. "/projects"] = { json = list } }, function(c, m)
    assert.eq(c:projects()[1].name, "library")
    check(m:last(), "GET", API .. "/projects")
    c:projects({ page_size = 50, page = 2, public = false, name = "lib" })
    check(m:last(), "GET", API .. "/projects", "name=lib&public=false&page=2&page_size=50")
    c:projects({ public = true })
    check(m:last(), "GET", API .. "/projects", "public=true")
  end)
end)

test("project by name or id", function()
  with_harbor({ ["GET " .. API .. "/projects/:x"] = function(req) return { json = { name = "library", project_id = 1, x = req.params.x } } end }, function(c, m)
    assert.eq(c:project("library").x, "library")
    check(m:last(), "GET", API .. "/projects/library")
    assert.eq(c:project(1).x, "1")
  end)
end)

test("repositories with query, repository with a caller-encoded nested name", function()
  with_harbor({
    ["GET " .. API .. "/projects/library/repositories"] = { json = { { name = "library/nginx", artifact_count = 3 } } },
    ["GET " .. P] = { json = { name = "library/nginx", pull_count = 10 } },
    ["GET " .. API .. "/projects/library/repositories/team%252Fapp"] = { json = { name = "library/team/app" } },
  }, function(c, m)
    assert.eq(c:repositories("library")[1].artifact_count, 3)
    check(m:last(), "GET", API .. "/projects/library/repositories")
    c:repositories("library", { q = "name=~ngi", page_size = 10, page = 1 })
    check(m:last(), "GET", API .. "/projects/library/repositories", "page=1&page_size=10&q=name=~ngi")
    assert.eq(c:repository("library", "nginx").pull_count, 10)
    check(m:last(), "GET", P)
    assert.eq(c:repository("library", "team%252Fapp").name, "library/team/app")
    assert.eq(m:last().path, API .. "/projects/library/repositories/team%252Fapp")
  end)
end)

test("artifacts with query; artifact; artifact_tags", function()
  with_harbor({
    ["GET " .. P .. "/artifacts"] = { json = { ARTIFACT } },
    ["GET " .. P .. "/artifacts/1.27"] = { json = ARTIFACT },
    ["GET " .. P .. "/artifacts/sha256:abc/tags"] = { json = { { name = "1.27" }, { name = "latest" } } },
  }, function(c, m)
    assert.eq(c:artifacts("library", "nginx")[1].digest, "sha256:abc")
    check(m:last(), "GET", P .. "/artifacts")
    c:artifacts("library", "nginx", { with_scan_overview = true, with_tag = false, page_size = 5, page = 1 })
    check(m:last(), "GET", P .. "/artifacts", "page=1&page_size=5&with_tag=false&with_scan_overview=true")
    assert.eq(c:artifact("library", "nginx", "1.27").id, 7)
    check(m:last(), "GET", P .. "/artifacts/1.27")
    assert.eq(c:artifact_tags("library", "nginx", "sha256:abc")[2].name, "latest")
    check(m:last(), "GET", P .. "/artifacts/sha256:abc/tags")
  end)
end)

test("scan_artifact POSTs {} and wants 202", function()
  local status = 202
  with_harbor({ ["POST " .. P .. "/artifacts/1.27/scan"] = function() return { status = status, body = status == 202 and "" or "scanner busy" } end }, function(c, m)
    assert.eq(c:scan_artifact("library", "nginx", "1.27"), true)
    check(m:last(), "POST", P .. "/artifacts/1.27/scan")
    assert.eq(m:last().body, "{}")
    status = 200
    fails("harbor: POST scan HTTP 200: scanner busy", c.scan_artifact, c, "library", "nginx", "1.27")
    status = 404
    fails("harbor: POST scan HTTP 404: scanner busy", c.scan_artifact, c, "library", "nginx", "1.27")
  end)
end)

test("artifact_vulnerabilities summarises the first scan report", function()
  with_harbor({ ["GET " .. P .. "/artifacts/1.27"] = { json = ARTIFACT } }, function(c, m)
    assert.same(c:artifact_vulnerabilities("library", "nginx", "1.27"),
      { total = 12, fixable = 9, critical = 1, high = 3, medium = 5, low = 3, negligible = 0 })
    check(m:last(), "GET", P .. "/artifacts/1.27", "with_scan_overview=true")
  end)
end)

test("artifact_vulnerabilities: nil without overview or summary; zeros for an empty summary", function()
  local routes = {
    ["GET " .. P .. "/artifacts/none"] = { json = { id = 1, digest = "sha256:1" } },
    ["GET " .. P .. "/artifacts/running"] = { json = { id = 2, scan_overview = { ["application/vnd.scanner.adapter.vuln.report.harbor+json; version=1.0"] = { scan_status = "Running" } } } },
    ["GET " .. P .. "/artifacts/clean"] = { json = { id = 3, scan_overview = { ["application/vnd.security.vulnerability.report; version=1.1"] = { summary = { total = 0 } } } } },
    ["GET " .. P .. "/artifacts/err"] = { status = 404, body = "artifact not found" },
  }
  with_harbor(routes, function(c)
    assert.eq(c:artifact_vulnerabilities("library", "nginx", "none"), nil)
    assert.eq(c:artifact_vulnerabilities("library", "nginx", "running"), nil)
    assert.same(c:artifact_vulnerabilities("library", "nginx", "clean"),
      { total = 0, fixable = 0, critical = 0, high = 0, medium = 0, low = 0, negligible = 0 })
    fails("harbor: GET artifact vulnerabilities HTTP 404: artifact not found", c.artifact_vulnerabilities, c, "library", "nginx", "err")
  end)
end)

test("replication_policies and replication_executions", function()
  with_harbor({
    ["GET " .. API .. "/replication/policies"] = { json = { { id = 1, name = "mirror", enabled = true } } },
    ["GET " .. API .. "/replication/executions"] = { json = { { id = 9, policy_id = 1, status = "Succeed" } } },
  }, function(c, m)
    assert.eq(c:replication_policies()[1].name, "mirror")
    check(m:last(), "GET", API .. "/replication/policies")
    assert.eq(c:replication_executions()[1].status, "Succeed")
    check(m:last(), "GET", API .. "/replication/executions")
    c:replication_executions({ policy_id = 1 })
    check(m:last(), "GET", API .. "/replication/executions", "policy_id=1")
  end)
end)

test("is_healthy: all healthy, one unhealthy, no components", function()
  local body = HEALTH
  with_harbor({ ["GET " .. API .. "/health"] = function() return { json = body } end }, function(c)
    assert.eq(c:is_healthy(), true)
    body = { status = "unhealthy", components = { { name = "core", status = "healthy" }, { name = "redis", status = "unhealthy", error = "dial tcp" } } }
    assert.eq(c:is_healthy(), false)
    body = { status = "healthy" }
    assert.eq(c:is_healthy(), false)
    body = { status = "healthy", components = json.array({}) }
    assert.eq(c:is_healthy(), false)
  end)
end)

test("image_exists is status == 200 and never raises on HTTP statuses", function()
  with_harbor({
    ["GET " .. P .. "/artifacts/1.27"] = { json = ARTIFACT },
    ["GET " .. P .. "/artifacts/9.9"] = { status = 404, json = { errors = { { code = "NOT_FOUND" } } } },
    ["GET " .. P .. "/artifacts/x"] = { status = 500, body = "boom" },
  }, function(c, m)
    assert.eq(c:image_exists("library", "nginx", "1.27"), true)
    check(m:last(), "GET", P .. "/artifacts/1.27")
    assert.eq(c:image_exists("library", "nginx", "9.9"), false)
    assert.eq(c:image_exists("library", "nginx", "x"), false)
  end)
end)

test("latest_artifact asks for page_size=1 and returns the first or nil", function()
  local items = { ARTIFACT }
  with_harbor({ ["GET " .. P .. "/artifacts"] = function() return { json = json.array(items) } end }, function(c, m)
    assert.eq(c:latest_artifact("library", "nginx").digest, "sha256:abc")
    check(m:last(), "GET", P .. "/artifacts", "page_size=1")
    items = {}
    assert.eq(c:latest_artifact("library", "nginx"), nil)
  end)
  with_harbor({ ["GET " .. P .. "/artifacts"] = { status = 403, body = "denied" } }, function(c)
    fails("harbor: GET " .. P .. "/artifacts?page_size=1 HTTP 403: denied", c.latest_artifact, c, "library", "nginx")
  end)
end)
