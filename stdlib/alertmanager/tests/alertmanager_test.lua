-- Unit tests of assay.alertmanager against a mock server answering in API v2's shapes.
local am = require("assay.alertmanager")
local mock = require("assay.testing.mock")

local function alert(name, state)
  return {
    labels = { alertname = name, severity = "warning" },
    annotations = { summary = name .. " is happening" },
    startsAt = "2026-02-13T10:00:00.000Z", endsAt = "2026-02-13T10:05:00.000Z",
    updatedAt = "2026-02-13T10:00:00.000Z", fingerprint = "4c2a1f8d0e9b7a63",
    generatorURL = "http://prometheus:9090/graph", receivers = { { name = "default" } },
    status = { state = state or "active", silencedBy = {}, inhibitedBy = {} },
  }
end

local SILENCE = {
  id = "5a4a0b8c-0d2f-4a57-9d8b-7f2b0f0c2c11",
  matchers = { { name = "alertname", value = "NodeDown", isRegex = false, isEqual = true } },
  startsAt = "2026-02-13T10:00:00.000Z", endsAt = "2026-02-13T12:00:00.000Z",
  updatedAt = "2026-02-13T10:00:00.000Z", createdBy = "ops", comment = "maintenance",
  status = { state = "active" },
}

--- Parses an RFC 3339 UTC time with milliseconds into seconds (for differences only).
local function seconds(s)
  local y, mo, d, h, mi, sec, ms = s:match("^(%d+)-(%d+)-(%d+)T(%d+):(%d+):(%d+)%.(%d%d%d)Z$")
  assert.not_nil(y, "not an RFC 3339 time: " .. tostring(s))
  return os.time({ year = tonumber(y), month = tonumber(mo), day = tonumber(d),
    hour = tonumber(h), min = tonumber(mi), sec = tonumber(sec) }) + tonumber(ms) / 1000
end

-- ---------------------------------------------------------------------------------------
-- alerts

test("alerts without options: GET /api/v2/alerts, the JSON array", function()
  local m = mock.server({ ["GET /api/v2/alerts"] = { json = { alert("A"), alert("B", "suppressed") } } })
  local alerts = am.alerts(m.url .. "//")
  assert.eq(#alerts, 2)
  assert.eq(alerts[1].labels.alertname, "A")
  assert.eq(alerts[2].status.state, "suppressed")
  assert.eq(m:last().query, "")
  assert.eq(#m:unmatched(), 0)
  m:close()
end)

test("alerts sends the filters in v0.4's order", function()
  local m = mock.server({ ["GET /api/v2/alerts"] = { json = {} } })
  local alerts = am.alerts(m.url, {
    receiver = "team-.+", filter = { 'alertname="A"', 'severity=~"crit|warn"' },
    unprocessed = false, inhibited = false, silenced = true, active = true,
  })
  assert.same(alerts, {})
  assert.eq(m:last().query,
    "active=true&silenced=true&inhibited=false&unprocessed=false&filter=alertname=%22A%22"
    .. "&filter=severity=~%22crit|warn%22&receiver=team-.%2B")
  m:close()
end)

test("alerts: a non-200 raises alertmanager.alerts: HTTP <s>: <body>", function()
  local m = mock.server({ ["GET /api/v2/alerts"] = { status = 400, body = "bad matcher" } })
  local ok, err = pcall(function() am.alerts(m.url, { filter = { "alertname=" } }) end)
  assert.eq(ok, false)
  assert.matches(err, "alertmanager_test%.lua:%d+: alertmanager%.alerts: HTTP 400: bad matcher")
  m:close()
end)

test("post_alerts POSTs the JSON array with Content-Type and returns true", function()
  local m = mock.server({ ["POST /api/v2/alerts"] = { status = 200, body = "" } })
  local alerts = { { labels = { alertname = "Test", severity = "info" }, annotations = { summary = "s" } } }
  assert.eq(am.post_alerts(m.url, alerts), true)
  local req = m:last()
  assert.eq(req.headers["content-type"], "application/json")
  assert.eq(req.body, '[{"annotations":{"summary":"s"},"labels":{"alertname":"Test","severity":"info"}}]')
  am.post_alerts(m.url, {})
  assert.eq(m:last().body, "[]")
  m:close()
end)

test("post_alerts: errors", function()
  local m = mock.server({ ["POST /api/v2/alerts"] = { status = 400, json = { code = 400, message = "start time must be before end time" } } })
  local ok, err = pcall(am.post_alerts, m.url, { { labels = { alertname = "x" } } })
  assert.eq(ok, false)
  assert.contains(err, 'alertmanager.post_alerts: HTTP 400: {"code":400')
  m:close()
end)

test("alert_groups sends active/silenced/inhibited, filters, receiver (no unprocessed)", function()
  local groups = { { labels = { alertname = "A" }, receiver = { name = "default" }, alerts = { alert("A") } } }
  local m = mock.server({ ["GET /api/v2/alerts/groups"] = { json = groups } })
  assert.same(am.alert_groups(m.url), groups)
  assert.eq(m:last().query, "")
  am.alert_groups(m.url, { active = true, unprocessed = true, filter = { 'alertname="A"' }, receiver = "default" })
  assert.eq(m:last().query, "active=true&filter=alertname=%22A%22&receiver=default")
  m:close()
end)

test("alert_groups: errors", function()
  local m = mock.server({ ["GET /api/v2/alerts/groups"] = { status = 500, body = "oops" } })
  local ok, err = pcall(am.alert_groups, m.url)
  assert.eq(ok, false)
  assert.contains(err, "alertmanager.alert_groups: HTTP 500: oops")
  m:close()
end)

test("is_firing asks for active, unsilenced, uninhibited alerts of that name", function()
  local m = mock.server({ ["GET /api/v2/alerts"] = { json = { alert("Watchdog") } } })
  assert.eq(am.is_firing(m.url, "Watchdog"), true)
  local req = m:last()
  assert.eq(req.query, "active=true&silenced=false&inhibited=false&filter=alertname=%22Watchdog%22")
  assert.eq(req.args.filter, 'alertname="Watchdog"')
  m:on("GET /api/v2/alerts", { json = {} })
  assert.eq(am.is_firing(m.url, "Quiet"), false)
  m:close()
end)

test("is_firing: errors", function()
  local m = mock.server({ ["GET /api/v2/alerts"] = { status = 503, body = "unavailable" } })
  local ok, err = pcall(am.is_firing, m.url, "x")
  assert.eq(ok, false)
  assert.contains(err, "alertmanager.alerts: HTTP 503: unavailable")
  m:close()
end)

test("active_count counts active, unsilenced, uninhibited alerts", function()
  local m = mock.server({ ["GET /api/v2/alerts"] = { json = { alert("A"), alert("B"), alert("C") } } })
  assert.eq(am.active_count(m.url), 3)
  assert.eq(m:last().query, "active=true&silenced=false&inhibited=false")
  m:on("GET /api/v2/alerts", { status = 500, body = "x" })
  local ok, err = pcall(am.active_count, m.url)
  assert.eq(ok, false)
  assert.contains(err, "alertmanager.alerts: HTTP 500: x")
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- silences

test("silences lists, with filter= per matcher", function()
  local m = mock.server({ ["GET /api/v2/silences"] = { json = { SILENCE } } })
  local list = am.silences(m.url)
  assert.eq(list[1].id, SILENCE.id)
  assert.eq(list[1].status.state, "active")
  assert.eq(m:last().query, "")
  am.silences(m.url, { filter = { 'alertname="NodeDown"' }, active = true })
  assert.eq(m:last().query, "filter=alertname=%22NodeDown%22")
  m:close()
end)

test("silences: errors", function()
  local m = mock.server({ ["GET /api/v2/silences"] = { status = 400, body = "bad filter" } })
  local ok, err = pcall(am.silences, m.url, { filter = { "=" } })
  assert.eq(ok, false)
  assert.contains(err, "alertmanager.silences: HTTP 400: bad filter")
  m:close()
end)

test("silence gets one silence by ID", function()
  local m = mock.server({ ["GET /api/v2/silence/:id"] = function(req)
    if req.params.id == SILENCE.id then return { json = SILENCE } end
    return { status = 404, body = "silence not found" }
  end })
  local s = am.silence(m.url, SILENCE.id)
  assert.eq(s.createdBy, "ops")
  assert.eq(s.matchers[1].value, "NodeDown")
  local ok, err = pcall(am.silence, m.url, "nope")
  assert.eq(ok, false)
  assert.contains(err, "alertmanager.silence: HTTP 404: silence not found")
  m:close()
end)

test("create_silence POSTs the silence and returns the JSON", function()
  local m = mock.server({ ["POST /api/v2/silences"] = { json = { silenceID = "new-id" } } })
  local body = {
    matchers = { { name = "job", value = "api", isRegex = false, isEqual = true } },
    startsAt = "2026-02-13T10:00:00Z", endsAt = "2026-02-13T11:00:00Z",
    createdBy = "me", comment = "deploy",
  }
  assert.same(am.create_silence(m.url, body), { silenceID = "new-id" })
  local req = m:last()
  assert.eq(req.headers["content-type"], "application/json")
  assert.same(req.json, body)
  m:close()
end)

test("create_silence: errors", function()
  local m = mock.server({ ["POST /api/v2/silences"] = { status = 400, body = "invalid silence: missing matchers" } })
  local ok, err = pcall(am.create_silence, m.url, { comment = "x" })
  assert.eq(ok, false)
  assert.contains(err, "alertmanager.create_silence: HTTP 400: invalid silence: missing matchers")
  m:close()
end)

test("delete_silence DELETEs /api/v2/silence/<id> and returns true", function()
  local m = mock.server({ ["DELETE /api/v2/silence/:id"] = { status = 200, body = "" } })
  assert.eq(am.delete_silence(m.url, "abc-123"), true)
  assert.eq(m:last().path, "/api/v2/silence/abc-123")
  m:on("DELETE /api/v2/silence/:id", { status = 500, body = "failed to expire" })
  local ok, err = pcall(am.delete_silence, m.url, "abc-123")
  assert.eq(ok, false)
  assert.contains(err, "alertmanager.delete_silence: HTTP 500: failed to expire")
  m:close()
end)

test("silence_alert creates an RFC 3339 silence for the alert name and returns its ID", function()
  local m = mock.server({ ["POST /api/v2/silences"] = { json = { silenceID = "sil-1" } } })
  local before = time()
  assert.eq(am.silence_alert(m.url, "NodeDown", 2), "sil-1")
  local sent = m:last().json
  assert.same(sent.matchers, { { name = "alertname", value = "NodeDown", isRegex = false, isEqual = true } })
  assert.eq(sent.createdBy, "assay")
  assert.eq(sent.comment, "Silenced by assay")
  local starts, ends = seconds(sent.startsAt), seconds(sent.endsAt)
  assert.lt(math.abs((ends - starts) - 7200), 0.01)
  assert.eq(sent.startsAt, os.date("!%Y-%m-%dT%H:%M:%S", math.floor(before)) .. sent.startsAt:sub(20))
  m:close()
end)

test("silence_alert: created_by, comment, fractional hours", function()
  local m = mock.server({ ["POST /api/v2/silences"] = { json = { silenceID = "sil-2" } } })
  assert.eq(am.silence_alert(m.url, "X", 0.5, { created_by = "oncall", comment = "known issue" }), "sil-2")
  local sent = m:last().json
  assert.eq(sent.createdBy, "oncall")
  assert.eq(sent.comment, "known issue")
  assert.lt(math.abs((seconds(sent.endsAt) - seconds(sent.startsAt)) - 1800), 0.01)
  m:close()
end)

test("silence_alert: errors", function()
  local m = mock.server({ ["POST /api/v2/silences"] = { status = 400, body = "bad" } })
  local ok, err = pcall(am.silence_alert, m.url, "X", 1)
  assert.eq(ok, false)
  assert.contains(err, "alertmanager.create_silence: HTTP 400: bad")
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- status

test("status returns the JSON", function()
  local status = {
    cluster = { name = "01HX", peers = {}, status = "disabled" },
    config = { original = "route:\n  receiver: default\n" },
    uptime = "2026-02-13T10:00:00.000Z",
    versionInfo = { version = "0.25.0", branch = "debian/sid", goVersion = "go1.19" },
  }
  local m = mock.server({ ["GET /api/v2/status"] = { json = status } })
  assert.same(am.status(m.url .. "/"), status)
  m:on("GET /api/v2/status", { status = 502, body = "bad gateway" })
  local ok, err = pcall(am.status, m.url)
  assert.eq(ok, false)
  assert.contains(err, "alertmanager.status: HTTP 502: bad gateway")
  m:close()
end)

test("receivers returns the JSON", function()
  local m = mock.server({ ["GET /api/v2/receivers"] = { json = { { name = "default" }, { name = "team-x" } } } })
  assert.same(am.receivers(m.url), { { name = "default" }, { name = "team-x" } })
  m:on("GET /api/v2/receivers", { status = 404, body = "not found" })
  local ok, err = pcall(am.receivers, m.url)
  assert.eq(ok, false)
  assert.contains(err, "alertmanager.receivers: HTTP 404: not found")
  m:close()
end)
