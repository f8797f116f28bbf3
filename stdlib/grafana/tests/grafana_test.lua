-- Unit tests of assay.grafana against a mock server answering in Grafana's HTTP API shapes.
local grafana = require("assay.grafana")
local mock = require("assay.testing.mock")

local DATASOURCE = {
  id = 1, uid = "P1809F7CD0C75ACF3", orgId = 1, name = "Prometheus", type = "prometheus",
  typeName = "Prometheus", access = "proxy", url = "http://prometheus:9090", isDefault = true,
  jsonData = { httpMethod = "POST" }, readOnly = false,
}

local function client(m, opts)
  return grafana.client(m.url .. "//", opts or { api_key = "glsa_token" })
end

-- ---------------------------------------------------------------------------------------
-- client, auth

test("client keeps url and credentials as public fields", function()
  local g = grafana.client("http://grafana:3000/", { username = "admin", password = "pw" })
  assert.eq(g.url, "http://grafana:3000")
  assert.eq(g.username, "admin")
  assert.eq(g.password, "pw")
  assert.eq(g.api_key, nil)
end)

test("requests carry Content-Type and Bearer, Basic or no Authorization", function()
  local m = mock.server({ ["GET /api/org"] = { json = { id = 1, name = "Main Org.", address = {} } } })
  assert.eq(client(m):org().name, "Main Org.")
  local req = m:last()
  assert.eq(req.headers["content-type"], "application/json")
  assert.eq(req.headers.authorization, "Bearer glsa_token")
  client(m, { username = "admin", password = "secret" }):org()
  assert.eq(m:last().headers.authorization, "Basic " .. base64.encode("admin:secret"))
  client(m, { username = "admin" }):org()
  assert.eq(m:last().headers.authorization, nil)
  grafana.client(m.url):org()
  assert.eq(m:last().headers.authorization, nil)
  assert.eq(m:last().headers["content-type"], "application/json")
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- health

test("health GETs /api/health without auth headers", function()
  local m = mock.server({ ["GET /api/health"] = { json = { commit = "abc123", database = "ok", version = "10.4.1" } } })
  local h = client(m):health()
  assert.eq(h.database, "ok")
  assert.eq(h.version, "10.4.1")
  assert.eq(m:last().headers.authorization, nil)
  assert.eq(m:last().headers["content-type"], nil)
  m:on("GET /api/health", { status = 503, json = { database = "failing" } })
  local ok, err = pcall(function() client(m):health() end)
  assert.eq(ok, false)
  assert.matches(err, 'grafana_test%.lua:%d+: grafana: GET /api/health HTTP 503: {"database":"failing"}')
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- data sources

test("datasources lists them", function()
  local m = mock.server({ ["GET /api/datasources"] = { json = { DATASOURCE } } })
  local list = client(m):datasources()
  assert.eq(list[1].uid, DATASOURCE.uid)
  m:on("GET /api/datasources", { status = 401, json = { message = "Unauthorized" } })
  local ok, err = pcall(function() client(m):datasources() end)
  assert.eq(ok, false)
  assert.matches(err, 'grafana_test%.lua:%d+: grafana: GET /api/datasources HTTP 401: {"message":"Unauthorized"}')
  m:close()
end)

test("datasource by number uses the ID path, by string the UID path", function()
  local m = mock.server({
    ["GET /api/datasources/:id"] = { json = DATASOURCE },
    ["GET /api/datasources/uid/:uid"] = { json = DATASOURCE },
  })
  local g = client(m)
  assert.eq(g:datasource(1).name, "Prometheus")
  assert.eq(m:last().path, "/api/datasources/1")
  g:datasource(1.0)
  assert.eq(m:last().path, "/api/datasources/1")
  assert.eq(g:datasource("P1809F7CD0C75ACF3").id, 1)
  assert.eq(m:last().path, "/api/datasources/uid/P1809F7CD0C75ACF3")
  g:datasource("7")
  assert.eq(m:last().path, "/api/datasources/uid/7")
  m:on("GET /api/datasources/uid/:uid", { status = 404, json = { message = "Data source not found" } })
  local ok, err = pcall(g.datasource, g, "missing")
  assert.eq(ok, false)
  assert.contains(err, 'grafana: GET /api/datasources/uid/missing HTTP 404: {"message":"Data source not found"}')
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- search, dashboards

test("search sends query, type, tag, limit in that order", function()
  local hits = { { id = 3, uid = "k8s", title = "Kubernetes / Pods", type = "dash-db", url = "/d/k8s/pods", tags = { "k8s" } } }
  local m = mock.server({ ["GET /api/search"] = { json = hits } })
  local g = client(m)
  assert.same(g:search(), hits)
  assert.eq(m:last().query, "")
  g:search({ limit = 10, tag = "k8s", type = "dash-db", query = "Kubernetes Pods" })
  assert.eq(m:last().query, "query=Kubernetes%20Pods&type=dash-db&tag=k8s&limit=10")
  m:on("GET /api/search", { status = 500, body = "search failed" })
  local ok, err = pcall(g.search, g, { query = "x" })
  assert.eq(ok, false)
  assert.contains(err, "grafana: GET /api/search?query=x HTTP 500: search failed")
  m:close()
end)

test("dashboard gets by UID", function()
  local body = { dashboard = { uid = "k8s", title = "Pods", panels = {} }, meta = { slug = "pods", folderUid = "f1" } }
  local m = mock.server({ ["GET /api/dashboards/uid/:uid"] = { json = body } })
  local g = client(m)
  assert.eq(g:dashboard("k8s").dashboard.title, "Pods")
  assert.eq(m:last().params.uid, "k8s")
  m:on("GET /api/dashboards/uid/:uid", { status = 404, json = { message = "Dashboard not found" } })
  local ok, err = pcall(g.dashboard, g, "nope")
  assert.eq(ok, false)
  assert.contains(err, "grafana: GET /api/dashboards/uid/nope HTTP 404:")
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- annotations

test("annotations sends from, to, dashboardId, limit and repeated tags", function()
  local list = { { id = 5, text = "deploy", tags = { "deploy", "prod" }, time = 1771000000000 } }
  local m = mock.server({ ["GET /api/annotations"] = { json = list } })
  local g = client(m)
  assert.same(g:annotations(), list)
  assert.eq(m:last().query, "")
  g:annotations({ tags = { "deploy", "prod" }, limit = 5, dashboard_id = 3, to = 2000, from = 1000 })
  assert.eq(m:last().query, "from=1000&to=2000&dashboardId=3&limit=5&tags=deploy&tags=prod")
  m:on("GET /api/annotations", { status = 400, body = "bad" })
  local ok, err = pcall(g.annotations, g)
  assert.eq(ok, false)
  assert.contains(err, "grafana: GET /api/annotations HTTP 400: bad")
  m:close()
end)

test("create_annotation POSTs the JSON", function()
  local m = mock.server({ ["POST /api/annotations"] = { json = { id = 42, message = "Annotation added" } } })
  local g = client(m)
  local r = g:create_annotation({ text = "deployed v1.2", tags = { "deploy" }, time = 1771000000000 })
  assert.same(r, { id = 42, message = "Annotation added" })
  local req = m:last()
  assert.same(req.json, { text = "deployed v1.2", tags = { "deploy" }, time = 1771000000000 })
  assert.eq(req.headers["content-type"], "application/json")
  assert.eq(req.headers.authorization, "Bearer glsa_token")
  m:on("POST /api/annotations", { status = 403, json = { message = "Permissions needed: annotations:create" } })
  local ok, err = pcall(function() g:create_annotation({ text = "x" }) end)
  assert.eq(ok, false)
  assert.matches(err, "grafana_test%.lua:%d+: grafana: POST /api/annotations HTTP 403:")
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- org, alert rules, folders

test("org", function()
  local m = mock.server({ ["GET /api/org"] = { status = 401, json = { message = "invalid API key" } } })
  local ok, err = pcall(client(m).org, client(m))
  assert.eq(ok, false)
  assert.contains(err, 'grafana: GET /api/org HTTP 401: {"message":"invalid API key"}')
  m:close()
end)

test("alert_rules lists provisioned rules", function()
  local rules = { { uid = "r1", title = "High CPU", folderUID = "f1", ruleGroup = "cpu", condition = "C", data = {}, ["for"] = "5m" } }
  local m = mock.server({ ["GET /api/v1/provisioning/alert-rules"] = { json = rules } })
  local g = client(m)
  assert.same(g:alert_rules(), rules)
  m:on("GET /api/v1/provisioning/alert-rules", { status = 404, body = "not found" })
  local ok, err = pcall(g.alert_rules, g)
  assert.eq(ok, false)
  assert.contains(err, "grafana: GET /api/v1/provisioning/alert-rules HTTP 404: not found")
  m:close()
end)

test("folders", function()
  local folders = { { id = 1, uid = "f1", title = "Infra" } }
  local m = mock.server({ ["GET /api/folders"] = { json = folders } })
  local g = client(m)
  assert.same(g:folders(), folders)
  m:on("GET /api/folders", { status = 500, body = "db locked" })
  local ok, err = pcall(g.folders, g)
  assert.eq(ok, false)
  assert.contains(err, "grafana: GET /api/folders HTTP 500: db locked")
  m:close()
end)
