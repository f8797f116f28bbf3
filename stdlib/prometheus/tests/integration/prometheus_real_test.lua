-- assay.prometheus against a real Prometheus (.ci/prometheus.sh start, which scrapes itself as
-- job "prometheus"). Skipped unless ASSAY_TEST_PROM_URL is set. The rules tests also need
-- .ci/prometheus-rules.yml loaded into that server and ASSAY_TEST_PROM_RULES=1.
local prometheus = require("assay.prometheus")

local URL = env.get("ASSAY_TEST_PROM_URL")
local RULES = env.get("ASSAY_TEST_PROM_RULES")

--- Calls fn until it returns a true value (or `timeout` seconds pass), returning that value.
local function eventually(what, timeout, fn)
  local deadline = time() + timeout
  while true do
    local v = fn()
    if v then return v end
    if time() > deadline then error("timed out waiting for " .. what, 2) end
    sleep(0.25)
  end
end

if not URL then
  test.skip("prometheus integration", "ASSAY_TEST_PROM_URL is not set (eval \"$(.ci/prometheus.sh start)\")")
  return
end

test("query of up returns the self-scrape's value", function()
  assert.eq(prometheus.query(URL, 'up{job="prometheus"}'), 1)
end)

test("query: several series, a scalar, an empty vector, a range vector", function()
  local r = prometheus.query(URL, 'label_replace(up, "copy", "a", "", "") or label_replace(up, "copy", "b", "", "")')
  assert.eq(#r, 2)
  assert.eq(r[1].value, 1)
  assert.eq(r[1].metric.job, "prometheus")
  assert.eq(prometheus.query(URL, "1 + 1"), 2)
  assert.same(prometheus.query(URL, "no_such_metric_assay"), {})
  local m = prometheus.query(URL, 'up{job=~"prom.+"}[30s]')
  assert.eq(m[1].metric.job, "prometheus")
  assert.gt(#m[1].values, 0)
end)

test("query: a PromQL error is raised", function()
  local ok, err = pcall(prometheus.query, URL, "up{")
  assert.eq(ok, false)
  assert.contains(err, "prometheus.query: HTTP 400:")
  assert.contains(err, "bad_data")
end)

test("query_range returns a matrix", function()
  local now = math.floor(time())
  local r = prometheus.query_range(URL, 'up{job=~"prom.+"}', now - 30, now, "1s")
  assert.eq(#r, 1)
  assert.eq(r[1].metric.job, "prometheus")
  assert.gt(#r[1].values, 0)
  assert.eq(r[1].values[#r[1].values][2], "1")
end)

test("targets lists the scrape target", function()
  local t = prometheus.targets(URL)
  assert.eq(#t.activeTargets, 1)
  assert.eq(t.activeTargets[1].labels.job, "prometheus")
  assert.eq(t.activeTargets[1].health, "up")
  assert.eq(t.activeTargets[1].scrapeUrl, URL .. "/metrics")
end)

test("label_values of job", function()
  assert.same(prometheus.label_values(URL, "job"), { "prometheus" })
end)

test("series finds up", function()
  local s = prometheus.series(URL, { 'up{job="prometheus"}', "prometheus_build_info" })
  assert.eq(#s, 2)
  local names = {}
  for _, labels in ipairs(s) do names[labels.__name__] = labels.job end
  assert.eq(names.up, "prometheus")
  assert.eq(names.prometheus_build_info, "prometheus")
end)

test("targets_metadata of a metric", function()
  local md = prometheus.targets_metadata(URL, { match_target = '{job="prometheus"}', metric = "prometheus_build_info", limit = 5 })
  assert.eq(#md, 1)
  assert.eq(md[1].type, "gauge")
  assert.eq(md[1].target.job, "prometheus")
end)

test("alerts returns an array", function()
  assert.eq(type(prometheus.alerts(URL)), "table")
end)

test("config_reload reports whether the server took the reload", function()
  -- true only when Prometheus runs with --web.enable-lifecycle (else it answers 403)
  local took = prometheus.config_reload(URL)
  local status = http.post(URL .. "/-/reload", "").status
  assert.eq(took, status == 200)
  assert.eq(prometheus.query(URL, 'up{job="prometheus"}'), 1)
end)

if not RULES then
  test.skip("rules lists the test rule group", "ASSAY_TEST_PROM_RULES is not set (load .ci/prometheus-rules.yml)")
  test.skip("alerts lists the always-firing alert", "ASSAY_TEST_PROM_RULES is not set")
  return
end

test("rules lists the test rule group, and ?type= filters", function()
  local groups = eventually("the rule group", 15, function()
    local g = prometheus.rules(URL)
    return #g > 0 and g
  end)
  assert.eq(groups[1].name, "assay-test")
  assert.eq(#groups[1].rules, 2)
  local alerting = prometheus.rules(URL, { type = "alert" })
  assert.eq(#alerting[1].rules, 1)
  assert.eq(alerting[1].rules[1].name, "AssayAlwaysFiring")
  local recording = prometheus.rules(URL, { type = "record" })
  assert.eq(recording[1].rules[1].name, "assay:up:sum")
end)

test("alerts lists the always-firing alert; the recording rule's series is queryable", function()
  local alerts = eventually("the alert", 15, function()
    local a = prometheus.alerts(URL)
    return #a > 0 and a
  end)
  assert.eq(alerts[1].labels.alertname, "AssayAlwaysFiring")
  assert.eq(alerts[1].labels.severity, "info")
  eventually("assay:up:sum", 15, function() return prometheus.query(URL, "assay:up:sum") == 1 end)
end)
