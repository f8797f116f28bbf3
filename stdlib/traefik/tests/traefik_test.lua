-- Tests of assay.traefik against a mock Traefik API.
local mock = require("assay.testing.mock")
local support = require("assay.testing.support")
local traefik = require("assay.traefik")

local function router(name, status, tls)
  return {
    name = name, provider = "kubernetes", rule = "Host(`" .. name .. ".example.com`)",
    entryPoints = { "websecure" }, service = name, status = status, using = { "websecure" }, tls = tls,
  }
end

local function service(name, servers)
  return {
    name = name, provider = "kubernetes", type = "loadbalancer", status = "enabled",
    loadBalancer = servers and { servers = servers, passHostHeader = true } or nil,
  }
end

-- Checks that the latest request was a plain GET of path, and nothing went unmatched.
local function expect_get(m, path)
  local req = support.expect_last(m, "GET", path)
  assert.eq(req.headers.authorization, nil)
  assert.eq(req.body, "")
end

-- Every plain getter: function, extra argument, path, answer.
local getters = {
  { "overview", nil, "/api/overview", { http = { routers = { total = 3, warnings = 0, errors = 1 } }, features = { metrics = "prometheus" }, providers = { "KubernetesCRD" } } },
  { "version", nil, "/api/version", { Version = "3.1.2", Codename = "comte", startDate = "2024-05-01T10:00:00Z" } },
  { "entrypoints", nil, "/api/entrypoints", { { name = "web", address = ":80" }, { name = "websecure", address = ":443" } } },
  { "entrypoint", "web", "/api/entrypoints/web", { name = "web", address = ":80", http = {} } },
  { "http_routers", nil, "/api/http/routers", { router("a@kubernetes", "enabled") } },
  { "http_router", "a@kubernetes", "/api/http/routers/a@kubernetes", router("a@kubernetes", "enabled") },
  { "http_services", nil, "/api/http/services", { service("a@kubernetes", { { url = "http://10.0.0.1:80" } }) } },
  { "http_service", "a@kubernetes", "/api/http/services/a@kubernetes", service("a@kubernetes", {}) },
  { "http_middlewares", nil, "/api/http/middlewares", { { name = "auth@file", type = "basicauth", status = "enabled" } } },
  { "http_middleware", "auth@file", "/api/http/middlewares/auth@file", { name = "auth@file", basicAuth = { users = { "u:h" } } } },
  { "tcp_routers", nil, "/api/tcp/routers", { { name = "pg@file", rule = "HostSNI(`*`)", status = "enabled" } } },
  { "tcp_services", nil, "/api/tcp/services", { { name = "pg@file", loadBalancer = { servers = { { address = "10.0.0.5:5432" } } } } } },
  { "rawdata", nil, "/api/rawdata", { routers = { ["a@kubernetes"] = router("a@kubernetes", "enabled") }, services = {} } },
}
for _, g in ipairs(getters) do
  local fn, arg, path, answer = g[1], g[2], g[3], g[4]
  test(fn .. " GETs " .. path, function()
    local m = mock.server({ ["GET " .. path] = { json = answer } })
    assert.same(traefik[fn](m.url .. "///", arg), answer)
    expect_get(m, path)
  end)
end

test("a non-200 answer raises", function()
  local m = mock.server({ ["GET /api/http/routers/nope"] = { status = 404, body = "404 page not found" } })
  local ok, err = pcall(traefik.http_router, m.url, "nope")
  assert.eq(ok, false)
  assert.contains(err, "traefik: GET /api/http/routers/nope HTTP 404: 404 page not found")
  ok, err = pcall(traefik.is_router_enabled, m.url, "nope")
  assert.eq(ok, false)
  assert.contains(err, "HTTP 404")
  m:on("GET /api/overview", { status = 500, body = "oops" })
  ok, err = pcall(traefik.overview, m.url)
  assert.contains(err, "traefik: GET /api/overview HTTP 500: oops")
end)

test("is_router_enabled and router_has_tls", function()
  local m = mock.server({
    ["GET /api/http/routers/a"] = { json = router("a", "enabled", { certResolver = "le" }) },
    ["GET /api/http/routers/b"] = { json = router("b", "disabled") },
  })
  assert.eq(traefik.is_router_enabled(m.url, "a"), true)
  expect_get(m, "/api/http/routers/a")
  assert.eq(traefik.router_has_tls(m.url, "a"), true)
  assert.eq(traefik.is_router_enabled(m.url, "b"), false)
  assert.eq(traefik.router_has_tls(m.url, "b"), false)
  expect_get(m, "/api/http/routers/b")
end)

test("service_server_count counts load-balancer servers, 0 without any", function()
  local m = mock.server({
    ["GET /api/http/services/two"] = { json = service("two", { { url = "http://10.0.0.1" }, { url = "http://10.0.0.2" } }) },
    ["GET /api/http/services/none"] = { json = service("none", nil) },
  })
  assert.eq(traefik.service_server_count(m.url, "two"), 2)
  expect_get(m, "/api/http/services/two")
  assert.eq(traefik.service_server_count(m.url, "none"), 0)
  m:on("GET /api/http/services/none", { json = { name = "none", loadBalancer = {} } })
  assert.eq(traefik.service_server_count(m.url, "none"), 0)
end)

test("healthy_routers returns enabled and errored counts", function()
  local m = mock.server({
    ["GET /api/http/routers"] = { json = { router("a", "enabled"), router("b", "disabled"), router("c", "enabled"), router("d", "warning") } },
  })
  local enabled, errored = traefik.healthy_routers(m.url)
  assert.eq(enabled, 2)
  assert.eq(errored, 2)
  expect_get(m, "/api/http/routers")
  assert.eq(select("#", traefik.healthy_routers(m.url)), 2)
end)
