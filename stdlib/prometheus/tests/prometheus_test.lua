-- Unit tests of assay.prometheus against a mock server answering in the HTTP API's shapes.
local prometheus = require("assay.prometheus")
local mock = require("assay.testing.mock")

--- A 200 answer with the API's success envelope.
local function success(data)
  return { status = 200, json = { status = "success", data = data } }
end

local function vector(samples)
  local result = {}
  for i, s in ipairs(samples) do
    result[i] = { metric = s[1], value = { 1771000000.123, s[2] } }
  end
  return success({ resultType = "vector", result = result })
end

-- ---------------------------------------------------------------------------------------
-- query

test("query sends the PromQL percent-encoded and returns one series' value as a number", function()
  local m = mock.server({ ["GET /api/v1/query"] = vector({ { { __name__ = "up", job = "api" }, "1" } }) })
  local v = prometheus.query(m.url .. "///", 'up{job="api"} + 0')
  assert.eq(v, 1)
  assert.eq(math.type(v), "integer")
  local req = m:last()
  assert.eq(req.path, "/api/v1/query")
  assert.eq(req.query, "query=up%7Bjob%3D%22api%22%7D%20%2B%200")
  assert.eq(req.args.query, 'up{job="api"} + 0')
  assert.eq(#m:unmatched(), 0)
  m:close()
end)

test("query: a float value, a non-numeric value", function()
  local m = mock.server({ ["GET /api/v1/query"] = vector({ { { job = "a" }, "0.25" } }) })
  assert.eq(prometheus.query(m.url, "x"), 0.25)
  m:on("GET /api/v1/query", vector({ { { job = "a" }, "NaN-ish" } }))
  assert.eq(prometheus.query(m.url, "x"), "NaN-ish")
  m:close()
end)

test("query: several series give an array of {metric, value}", function()
  local m = mock.server({
    ["GET /api/v1/query"] = vector({ { { job = "a" }, "1" }, { { job = "b" }, "0" }, { { job = "c" }, "2.5" } }),
  })
  local r = prometheus.query(m.url, "up")
  assert.same(r, {
    { metric = { job = "a" }, value = 1 },
    { metric = { job = "b" }, value = 0 },
    { metric = { job = "c" }, value = 2.5 },
  })
  m:close()
end)

test("query: no series give an empty table", function()
  local m = mock.server({ ["GET /api/v1/query"] = vector({}) })
  assert.same(prometheus.query(m.url, "absent_metric"), {})
  m:close()
end)

test("query: scalar and string results give their value", function()
  local m = mock.server({
    ["GET /api/v1/query"] = success({ resultType = "scalar", result = { 1771000000, "2" } }),
  })
  assert.eq(prometheus.query(m.url, "1+1"), 2)
  m:on("GET /api/v1/query", success({ resultType = "string", result = { 1771000000, "hello" } }))
  assert.eq(prometheus.query(m.url, '"hello"'), "hello")
  m:close()
end)

test("query: a range vector gives {metric, values}", function()
  local values = { { 1771000000, "1" }, { 1771000001, "1" } }
  local m = mock.server({
    ["GET /api/v1/query"] = success({ resultType = "matrix", result = { { metric = { job = "a" }, values = values } } }),
  })
  assert.same(prometheus.query(m.url, "up[2s]"), { { metric = { job = "a" }, values = values } })
  m:close()
end)

test("query: HTTP errors, error envelopes, a missing result", function()
  local m = mock.server({
    ["GET /api/v1/query"] = { status = 400, json = { status = "error", errorType = "bad_data", error = "parse error" } },
  })
  local ok, err = pcall(prometheus.query, m.url, "up{")
  assert.eq(ok, false)
  assert.contains(err, 'prometheus.query: HTTP 400: {"error":"parse error"')
  m:on("GET /api/v1/query", { status = 200, json = { status = "error", error = "query timed out" } })
  ok, err = pcall(prometheus.query, m.url, "up")
  assert.contains(err, "prometheus.query: query timed out")
  m:on("GET /api/v1/query", { status = 200, json = { status = "weird" } })
  ok, err = pcall(prometheus.query, m.url, "up")
  assert.contains(err, "prometheus.query: unknown error")
  m:on("GET /api/v1/query", success({ resultType = "vector" }))
  ok, err = pcall(prometheus.query, m.url, "up")
  assert.contains(err, "prometheus.query: unexpected response format")
  m:close()
end)

test("errors point at the caller's line", function()
  local m = mock.server({ ["GET /api/v1/query"] = { status = 503, body = "down" } })
  local ok, err = pcall(function() prometheus.query(m.url, "up") end)
  assert.eq(ok, false)
  assert.matches(err, "prometheus_test%.lua:%d+: prometheus%.query: HTTP 503: down")
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- query_range

test("query_range sends query, start, end and step and returns data.result", function()
  local result = { { metric = { job = "a" }, values = { { 1771000000, "1" }, { 1771000015, "0" } } } }
  local m = mock.server({ ["GET /api/v1/query_range"] = success({ resultType = "matrix", result = result }) })
  local r = prometheus.query_range(m.url .. "/", "rate(x[5m])", 1771000000, 1771000015, "15s")
  assert.same(r, result)
  local req = m:last()
  assert.eq(req.query, "query=rate(x[5m])&start=1771000000&end=1771000015&step=15s")
  m:close()
end)

test("query_range: only the query when the rest is nil; + & # are encoded", function()
  local m = mock.server({ ["GET /api/v1/query_range"] = success({ resultType = "matrix", result = {} }) })
  assert.same(prometheus.query_range(m.url, 'up{job=~"a.+"}'), {})
  assert.eq(m:last().args.query, 'up{job=~"a.+"}')
  assert.eq(m:last().query, "query=up{job=~%22a.%2B%22}")
  prometheus.query_range(m.url, "a&b#c")
  assert.eq(m:last().args.query, "a&b#c")
  m:close()
end)

test("query_range: errors", function()
  local m = mock.server({ ["GET /api/v1/query_range"] = { status = 422, body = "bad step" } })
  local ok, err = pcall(prometheus.query_range, m.url, "up", 1, 2, "0s")
  assert.eq(ok, false)
  assert.contains(err, "prometheus.query_range: HTTP 422: bad step")
  m:on("GET /api/v1/query_range", { json = { status = "error", error = "exceeded maximum resolution" } })
  ok, err = pcall(prometheus.query_range, m.url, "up", 1, 2, "1ms")
  assert.contains(err, "prometheus.query_range: exceeded maximum resolution")
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- alerts, targets, rules

test("alerts returns data.alerts", function()
  local alerts = {
    { labels = { alertname = "HighLoad", severity = "page" }, annotations = { summary = "load" },
      state = "firing", activeAt = "2026-02-13T10:00:00Z", value = "1e+00" },
  }
  local m = mock.server({ ["GET /api/v1/alerts"] = success({ alerts = alerts }) })
  assert.same(prometheus.alerts(m.url), alerts)
  assert.eq(m:last().query, "")
  m:close()
end)

test("alerts: errors", function()
  local m = mock.server({ ["GET /api/v1/alerts"] = { status = 500, body = "boom" } })
  local ok, err = pcall(prometheus.alerts, m.url)
  assert.eq(ok, false)
  assert.contains(err, "prometheus.alerts: HTTP 500: boom")
  m:on("GET /api/v1/alerts", { json = { status = "error" } })
  ok, err = pcall(prometheus.alerts, m.url)
  assert.contains(err, "prometheus.alerts: unknown error")
  m:close()
end)

test("targets returns data with activeTargets and droppedTargets", function()
  local data = {
    activeTargets = {
      { discoveredLabels = { __address__ = "127.0.0.1:9090" }, labels = { instance = "127.0.0.1:9090", job = "prometheus" },
        scrapePool = "prometheus", scrapeUrl = "http://127.0.0.1:9090/metrics", health = "up", lastError = "" },
    },
    droppedTargets = {},
  }
  local m = mock.server({ ["GET /api/v1/targets"] = success(data) })
  local t = prometheus.targets(m.url)
  assert.eq(t.activeTargets[1].health, "up")
  assert.eq(t.activeTargets[1].labels.job, "prometheus")
  m:close()
end)

test("targets: errors", function()
  local m = mock.server({ ["GET /api/v1/targets"] = { status = 503, body = "not ready" } })
  local ok, err = pcall(prometheus.targets, m.url)
  assert.eq(ok, false)
  assert.contains(err, "prometheus.targets: HTTP 503: not ready")
  m:close()
end)

test("rules returns data.groups, with ?type= when asked", function()
  local groups = {
    { name = "example", file = "/etc/prometheus/rules.yml", interval = 60, rules = {
      { name = "HighLoad", query = "load > 1", type = "alerting", health = "ok", state = "inactive", alerts = {} },
    } },
  }
  local m = mock.server({ ["GET /api/v1/rules"] = success({ groups = groups }) })
  assert.same(prometheus.rules(m.url), groups)
  assert.eq(m:last().query, "")
  prometheus.rules(m.url, { type = "alert" })
  assert.eq(m:last().query, "type=alert")
  prometheus.rules(m.url, {})
  assert.eq(m:last().query, "")
  m:close()
end)

test("rules: errors", function()
  local m = mock.server({ ["GET /api/v1/rules"] = { status = 400, json = { status = "error", error = "unsupported type" } } })
  local ok, err = pcall(prometheus.rules, m.url, { type = "bogus" })
  assert.eq(ok, false)
  assert.contains(err, "prometheus.rules: HTTP 400:")
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- label values, series, metadata, reload

test("label_values returns data", function()
  local m = mock.server({ ["GET /api/v1/label/:name/values"] = success({ "node", "prometheus" }) })
  assert.same(prometheus.label_values(m.url, "job"), { "node", "prometheus" })
  assert.eq(m:last().params.name, "job")
  m:close()
end)

test("label_values: errors", function()
  local m = mock.server({ ["GET /api/v1/label/:name/values"] = { status = 400, body = "invalid label name" } })
  local ok, err = pcall(prometheus.label_values, m.url, "bad-name")
  assert.eq(ok, false)
  assert.contains(err, "prometheus.label_values: HTTP 400: invalid label name")
  m:close()
end)

test("series sends one match[] per selector and returns data", function()
  local data = { { __name__ = "up", job = "prometheus", instance = "127.0.0.1:9090" } }
  local m = mock.server({ ["GET /api/v1/series"] = success(data) })
  assert.same(prometheus.series(m.url, { "up", 'process_start_time_seconds{job="prometheus"}' }), data)
  assert.eq(m:last().query, "match[]=up&match[]=process_start_time_seconds{job=%22prometheus%22}")
  m:close()
end)

test("series: errors", function()
  local m = mock.server({ ["GET /api/v1/series"] = { status = 400, json = { status = "error", error = "no match[] parameter provided" } } })
  local ok, err = pcall(prometheus.series, m.url, {})
  assert.eq(ok, false)
  assert.contains(err, "prometheus.series: HTTP 400:")
  assert.eq(m:last().query, "")
  m:close()
end)

test("targets_metadata sends match_target, metric and limit in that order", function()
  local data = {
    { target = { instance = "127.0.0.1:9090", job = "prometheus" }, metric = "go_goroutines",
      type = "gauge", help = "Number of goroutines that currently exist.", unit = "" },
  }
  local m = mock.server({ ["GET /api/v1/targets/metadata"] = success(data) })
  assert.same(prometheus.targets_metadata(m.url), data)
  assert.eq(m:last().query, "")
  prometheus.targets_metadata(m.url, { limit = 5, metric = "go_goroutines", match_target = '{job="prometheus"}' })
  assert.eq(m:last().query, "match_target={job=%22prometheus%22}&metric=go_goroutines&limit=5")
  m:close()
end)

test("targets_metadata: errors", function()
  local m = mock.server({ ["GET /api/v1/targets/metadata"] = { status = 200, json = { status = "error", error = "bad matcher" } } })
  local ok, err = pcall(prometheus.targets_metadata, m.url, { match_target = "{" })
  assert.eq(ok, false)
  assert.contains(err, "prometheus.targets_metadata: bad matcher")
  m:close()
end)

test("config_reload POSTs /-/reload with no body and reports a 200", function()
  local m = mock.server({ ["POST /-/reload"] = { status = 200, body = "" } })
  assert.eq(prometheus.config_reload(m.url .. "/"), true)
  local req = m:last()
  assert.eq(req.method, "POST")
  assert.eq(req.body, "")
  m:on("POST /-/reload", { status = 403, body = "Lifecycle API is not enabled." })
  assert.eq(prometheus.config_reload(m.url), false)
  m:close()
end)

test("a transport failure raises the http error", function()
  local ok, err = pcall(prometheus.targets, "http://127.0.0.1:1")
  assert.eq(ok, false)
  assert.contains(err, "http.get failed")
end)
