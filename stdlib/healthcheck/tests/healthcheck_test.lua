-- Unit tests of assay.healthcheck against mock servers.
local hc = require("assay.healthcheck")
local mock = require("assay.testing.mock")

local DEAD = "http://127.0.0.1:1/healthz" -- nothing listens on port 1

-- ---------------------------------------------------------------------------------------
-- http

test("http: a GET answering 200 is ok, with latency", function()
  local m = mock.server({ ["GET /healthz"] = { status = 200, body = "ok" } })
  local r = hc.http(m.url .. "/healthz", { headers = { ["X-Probe"] = "assay" } })
  assert.eq(r.ok, true)
  assert.eq(r.status, 200)
  assert.eq(r.error, nil)
  assert.eq(math.type(r.latency_ms), "integer")
  assert.eq(r.latency_ms >= 0, true)
  assert.eq(m:last().method, "GET")
  assert.eq(m:last().headers["x-probe"], "assay")
  m:close()
end)

test("http: method, body, expected_status", function()
  local m = mock.server({
    ["POST /hook"] = { status = 201 }, ["PUT /hook"] = { status = 200 },
    ["PATCH /hook"] = { status = 200 }, ["DELETE /hook"] = { status = 204 },
  })
  local r = hc.http(m.url .. "/hook", { method = "post", body = '{"ping":true}', expected_status = 201 })
  assert.eq(r.ok, true)
  assert.eq(m:last().body, '{"ping":true}')
  r = hc.http(m.url .. "/hook", { method = "PUT" })
  assert.eq(r.ok, true)
  assert.eq(m:last().method, "PUT")
  assert.eq(m:last().body, "")
  hc.http(m.url .. "/hook", { method = "PATCH", body = "x" })
  assert.eq(m:last().method, "PATCH")
  r = hc.http(m.url .. "/hook", { method = "DELETE", expected_status = 204 })
  assert.eq(r.ok, true)
  assert.eq(m:last().method, "DELETE")
  m:close()
end)

test("http: an unexpected status", function()
  local m = mock.server({ ["GET /healthz"] = { status = 503, body = "down" } })
  local r = hc.http(m.url .. "/healthz")
  assert.eq(r.ok, false)
  assert.eq(r.status, 503)
  assert.eq(r.error, "expected status 200, got 503")
  m:close()
end)

test("http: a transport failure gives status 0 and the error", function()
  local r = hc.http(DEAD)
  assert.eq(r.ok, false)
  assert.eq(r.status, 0)
  assert.contains(r.error, "http.get failed: connection refused")
  assert.eq(math.type(r.latency_ms), "integer")
end)

test("http: timeout is the request timeout", function()
  local m = mock.server({ ["GET /slow"] = { status = 200, delay = 1 } })
  local r = hc.http(m.url .. "/slow", { timeout = 0.1 })
  assert.eq(r.ok, false)
  assert.eq(r.status, 0)
  assert.contains(r.error, "timeout")
  assert.lt(r.latency_ms, 900)
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- json_path

test("json_path finds a nested value", function()
  local m = mock.server({ ["GET /status"] = { json = { db = { state = "up", conns = 3 }, version = "1.2" } } })
  local r = hc.json_path(m.url .. "/status", "db.state", "up")
  assert.same(r, { ok = true, actual = "up", expected = "up" })
  r = hc.json_path(m.url .. "/status", "db.conns", 3)
  assert.eq(r.ok, true)
  r = hc.json_path(m.url .. "/status", "db.conns", "3")
  assert.eq(r.ok, false)
  assert.eq(r.actual, 3)
  assert.eq(r.error, "expected 3, got 3")
  r = hc.json_path(m.url .. "/status", "version", "1.3")
  assert.eq(r.error, "expected 1.3, got 1.2")
  m:close()
end)

test("json_path: missing keys, non-tables, bad JSON, non-200, transport errors", function()
  local m = mock.server({
    ["GET /status"] = { json = { db = { state = "up" } } },
    ["GET /text"] = { body = "not json" },
    ["GET /down"] = { status = 500, json = { db = { state = "up" } } },
  })
  local r = hc.json_path(m.url .. "/status", "db.missing", "x")
  assert.eq(r.ok, false)
  assert.eq(r.error, "path 'db.missing': key 'missing' not found")
  assert.eq(r.expected, "x")
  r = hc.json_path(m.url .. "/status", "db.state.deeper", "x")
  assert.eq(r.error, "path traversal failed at 'deeper': not a table")
  r = hc.json_path(m.url .. "/text", "a", 1)
  assert.eq(r.ok, false)
  assert.contains(r.error, "JSON parse error: ")
  r = hc.json_path(m.url .. "/down", "db.state", "up")
  assert.same(r, { ok = false, expected = "up", error = "HTTP 500" })
  r = hc.json_path(DEAD, "a", 1)
  assert.eq(r.ok, false)
  assert.contains(r.error, "connection refused")
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- status_code, body_contains

test("status_code compares the status", function()
  local m = mock.server({ ["GET /gone"] = { status = 410 } })
  assert.same(hc.status_code(m.url .. "/gone", 410), { ok = true, status = 410 })
  assert.same(hc.status_code(m.url .. "/gone", 200), { ok = false, status = 410, error = "expected status 200, got 410" })
  local r = hc.status_code(DEAD, 200)
  assert.eq(r.ok, false)
  assert.eq(r.status, 0)
  assert.contains(r.error, "connection refused")
  m:close()
end)

test("body_contains looks for plain text, whatever the status", function()
  local m = mock.server({ ["GET /page"] = { status = 500, body = "version 1.2.3 (a.b)" } })
  assert.same(hc.body_contains(m.url .. "/page", "(a.b)"), { ok = true, found = true })
  assert.same(hc.body_contains(m.url .. "/page", "1%.2"), { ok = false, found = false, error = "pattern not found in response body" })
  local r = hc.body_contains(DEAD, "x", { headers = { A = "b" } })
  assert.eq(r.ok, false)
  assert.eq(r.found, false)
  assert.contains(r.error, "connection refused")
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- endpoint

test("endpoint checks status then latency", function()
  local m = mock.server({
    ["GET /fast"] = { status = 200 },
    ["GET /slow"] = { status = 200, delay = 0.2 },
    ["GET /bad"] = { status = 502, delay = 0.2 },
  })
  local r = hc.endpoint(m.url .. "/fast")
  assert.eq(r.ok, true)
  assert.eq(r.error, nil)
  r = hc.endpoint(m.url .. "/slow", { max_latency_ms = 50 })
  assert.eq(r.ok, false)
  assert.eq(r.status, 200)
  assert.matches(r.error, "^latency %d+ms exceeds threshold 50ms$")
  r = hc.endpoint(m.url .. "/bad", { max_latency_ms = 50 })
  assert.eq(r.error, "expected status 200, got 502")
  r = hc.endpoint(m.url .. "/bad", { expected_status = 502 })
  assert.eq(r.ok, true)
  r = hc.endpoint(DEAD)
  assert.eq(r.ok, false)
  assert.eq(r.status, 0)
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- multi

test("multi runs each check and sums up", function()
  local m = mock.server({ ["GET /a"] = { status = 200 }, ["GET /b"] = { status = 500 } })
  local r = hc.multi({
    { name = "a", check = function() return hc.status_code(m.url .. "/a", 200) end },
    { name = "b", check = function() return hc.http(m.url .. "/b") end },
    { name = "boom", check = function() error("kaput") end },
    { name = "bool", check = function() return true end },
  })
  assert.eq(r.ok, false)
  assert.eq(r.passed, 2)
  assert.eq(r.failed, 2)
  assert.eq(r.total, 4)
  assert.same(r.results[1], { name = "a", ok = true, status = 200 })
  assert.eq(r.results[2].name, "b")
  assert.eq(r.results[2].ok, false)
  assert.eq(r.results[2].status, 500)
  assert.eq(r.results[2].error, "expected status 200, got 500")
  assert.eq(r.results[3].name, "boom")
  assert.eq(r.results[3].ok, false)
  assert.contains(r.results[3].error, "kaput")
  assert.same(r.results[4], { name = "bool", ok = true })
  assert.same(hc.multi({}), { ok = true, results = {}, passed = 0, failed = 0, total = 0 })
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- wait

test("wait polls until the status comes", function()
  local calls = 0
  local m = mock.server({ ["GET /ready"] = function()
    calls = calls + 1
    if calls < 3 then return { status = 503 } end
    return { status = 200 }
  end })
  local t0 = time()
  local r = hc.wait(m.url .. "/ready", { timeout = 5, interval = 0.05, headers = { Authorization = "Bearer t" } })
  assert.same(r, { ok = true, status = 200, attempts = 3 })
  assert.eq(m:count(), 3)
  assert.eq(m:last().headers.authorization, "Bearer t")
  assert.lt(time() - t0, 2)
  m:close()
end)

test("wait: expect_status", function()
  local m = mock.server({ ["GET /x"] = { status = 401 } })
  assert.same(hc.wait(m.url .. "/x", { expect_status = 401, interval = 0.05 }), { ok = true, status = 401, attempts = 1 })
  m:close()
end)

test("wait raises after ceil(timeout/interval) attempts, not sleeping after the last", function()
  local m = mock.server({ ["GET /ready"] = { status = 503 } })
  local t0 = time()
  local ok, err = pcall(function() hc.wait(m.url .. "/ready", { timeout = 0.5, interval = 0.2 }) end)
  local elapsed = time() - t0
  assert.eq(ok, false)
  assert.matches(err, "healthcheck_test%.lua:%d+: healthcheck%.wait: http://127%.0%.0%.1:%d+/ready not healthy after 0%.5s")
  assert.eq(m:count(), 3)
  assert.gt(elapsed, 0.35)
  assert.lt(elapsed, 2)
  m:close()
end)

test("wait: transport failures count as unhealthy; request_timeout bounds each attempt", function()
  local ok, err = pcall(hc.wait, DEAD, { timeout = 0.1, interval = 0.05 })
  assert.eq(ok, false)
  assert.contains(err, "healthcheck.wait: " .. DEAD .. " not healthy after 0.1s")
  local m = mock.server({ ["GET /hang"] = { status = 200, delay = 2 } })
  local t0 = time()
  ok, err = pcall(hc.wait, m.url .. "/hang", { timeout = 0.2, interval = 0.1, request_timeout = 0.1 })
  assert.eq(ok, false)
  assert.contains(err, "not healthy after 0.2s")
  assert.lt(time() - t0, 1.5)
  m:close()
end)
