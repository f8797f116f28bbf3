-- assay.alertmanager against a real Alertmanager (.ci/alertmanager.sh start: receivers
-- `default` and `team-x`, the latter for alerts labelled team="x"). Skipped unless
-- ASSAY_TEST_AM_URL is set. Alert names carry a random suffix, so runs do not see each other.
local am = require("assay.alertmanager")

local URL = env.get("ASSAY_TEST_AM_URL")

if not URL then
  test.skip("alertmanager integration", "ASSAY_TEST_AM_URL is not set (eval \"$(.ci/alertmanager.sh start)\")")
  return
end

local NAME = "AssayTest" .. crypto.random(8)
local TEAM_NAME = NAME .. "Team"

local function rfc3339(t)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", math.floor(t))
end

local function by_name(name)
  return am.alerts(URL, { filter = { 'alertname="' .. name .. '"' } })
end

test("post_alerts, then alerts lists the alert", function()
  assert.eq(am.post_alerts(URL, {
    { labels = { alertname = NAME, severity = "info" }, annotations = { summary = "from assay" },
      startsAt = rfc3339(time() - 60), endsAt = rfc3339(time() + 600), generatorURL = "http://assay.test/" },
    { labels = { alertname = TEAM_NAME, team = "x" }, annotations = { summary = "for team x" } },
  }), true)
  local alerts = by_name(NAME)
  assert.eq(#alerts, 1)
  assert.eq(alerts[1].labels.severity, "info")
  assert.eq(alerts[1].annotations.summary, "from assay")
  assert.eq(alerts[1].status.state, "active")
  assert.eq(alerts[1].receivers[1].name, "default")
  local flagged = am.alerts(URL, { active = true, silenced = false, inhibited = false, unprocessed = false,
    filter = { 'alertname=~"' .. NAME .. '.*"' }, receiver = "team-.+" })
  assert.eq(#flagged, 1)
  assert.eq(flagged[1].labels.alertname, TEAM_NAME)
end)

test("alert_groups shows the alerts grouped, by receiver", function()
  local groups = am.alert_groups(URL, { filter = { 'alertname="' .. NAME .. '"' } })
  assert.eq(#groups, 1)
  assert.eq(groups[1].receiver.name, "default")
  assert.eq(groups[1].labels.alertname, NAME)
  assert.eq(groups[1].alerts[1].labels.alertname, NAME)
  local team = am.alert_groups(URL, { active = true, receiver = "team-x", filter = { 'alertname="' .. TEAM_NAME .. '"' } })
  assert.eq(#team, 1)
  assert.eq(team[1].receiver.name, "team-x")
end)

test("is_firing and active_count", function()
  assert.eq(am.is_firing(URL, NAME), true)
  assert.eq(am.is_firing(URL, NAME .. "Missing"), false)
  assert.gt(am.active_count(URL), 1)
end)

test("silence_alert silences it (RFC 3339 times accepted); delete_silence lifts it", function()
  local before = am.active_count(URL)
  local id = am.silence_alert(URL, NAME, 1, { comment = "integration test" })
  assert.eq(type(id), "string")
  assert.eq(am.is_firing(URL, NAME), false)
  assert.eq(am.active_count(URL), before - 1)
  local alerts = by_name(NAME)
  assert.eq(alerts[1].status.state, "suppressed")
  assert.eq(alerts[1].status.silencedBy[1], id)
  local s = am.silence(URL, id)
  assert.eq(s.createdBy, "assay")
  assert.eq(s.comment, "integration test")
  assert.eq(s.status.state, "active")
  assert.eq(am.delete_silence(URL, id), true)
  assert.eq(am.is_firing(URL, NAME), true)
  assert.eq(am.silence(URL, id).status.state, "expired")
end)

test("create_silence, silences (filtered), silence, delete_silence", function()
  local created = am.create_silence(URL, {
    matchers = { { name = "alertname", value = TEAM_NAME, isRegex = false, isEqual = true } },
    startsAt = rfc3339(time()), endsAt = rfc3339(time() + 3600),
    createdBy = "assay-test", comment = "created by the integration test",
  })
  local id = created.silenceID
  assert.not_nil(id)
  local list = am.silences(URL, { filter = { 'alertname="' .. TEAM_NAME .. '"' } })
  assert.eq(#list, 1)
  assert.eq(list[1].id, id)
  assert.eq(list[1].matchers[1].value, TEAM_NAME)
  local all = am.silences(URL)
  local seen = false
  for _, s in ipairs(all) do if s.id == id then seen = true end end
  assert.eq(seen, true)
  assert.eq(am.silence(URL, id).createdBy, "assay-test")
  assert.eq(am.is_firing(URL, TEAM_NAME), false)
  am.delete_silence(URL, id)
  assert.eq(am.is_firing(URL, TEAM_NAME), true)
end)

test("errors from the real server", function()
  local ok, err = pcall(am.silence, URL, "00000000-0000-0000-0000-000000000000")
  assert.eq(ok, false)
  assert.contains(err, "alertmanager.silence: HTTP 404")
  ok, err = pcall(am.create_silence, URL, { matchers = {}, comment = "no matchers" })
  assert.eq(ok, false)
  assert.contains(err, "alertmanager.create_silence: HTTP 400")
  ok, err = pcall(am.alerts, URL, { filter = { "not a matcher" } })
  assert.eq(ok, false)
  assert.contains(err, "alertmanager.alerts: HTTP 400")
end)

test("status and receivers", function()
  local st = am.status(URL)
  assert.eq(st.cluster.status, "disabled")
  assert.not_nil(st.versionInfo.version)
  assert.contains(st.config.original, "team-x")
  local names = {}
  for _, r in ipairs(am.receivers(URL)) do names[#names + 1] = r.name end
  table.sort(names)
  assert.same(names, { "default", "team-x" })
end)

test("a resolved alert is no longer firing", function()
  am.post_alerts(URL, { { labels = { alertname = NAME, severity = "info" }, startsAt = rfc3339(time() - 120), endsAt = rfc3339(time() - 60) } })
  assert.eq(am.is_firing(URL, NAME), false)
end)
