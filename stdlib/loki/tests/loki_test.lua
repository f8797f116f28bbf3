-- Unit tests of assay.loki against a mock server answering in Loki's HTTP API shapes.
local loki = require("assay.loki")
local mock = require("assay.testing.mock")

local function success(data)
  return { status = 200, json = { status = "success", data = data } }
end

local STREAMS = {
  resultType = "streams",
  result = {
    { stream = { app = "job", env = "prod" }, values = {
      { "1771000000000000001", "level=error msg=boom" },
      { "1771000000000000000", "level=info msg=started" },
    } },
  },
  stats = { summary = { totalEntriesReturned = 2 } },
}

-- ---------------------------------------------------------------------------------------
-- selector and client

test("selector builds a sorted LogQL stream selector", function()
  assert.eq(loki.selector({ env = "prod", app = "job" }), '{app="job",env="prod"}')
  assert.eq(loki.selector({ n = 1 }), '{n="1"}')
  assert.eq(loki.selector({}), "{}")
end)

test("client strips trailing slashes and keeps url public", function()
  assert.eq(loki.client("http://loki:3100///").url, "http://loki:3100")
end)

-- ---------------------------------------------------------------------------------------
-- push

test("push sends streams with string entries stamped now and explicit timestamps", function()
  local m = mock.server({ ["POST /loki/api/v1/push"] = { status = 204 } })
  local c = loki.client(m.url .. "/")
  local before = math.floor(time() * 1e9)
  assert.eq(c:push({ app = "job" }, { "hello", { "1771000000000000000", "explicit" }, { 1771000000000000001, "integer ts" }, { 1.5e18, "float ts" } }), true)
  local after = math.floor(time() * 1e9)
  local req = m:last()
  assert.eq(req.headers["content-type"], "application/json")
  local stream = req.json.streams[1]
  assert.same(stream.stream, { app = "job" })
  assert.eq(#stream.values, 4)
  local ts = math.tointeger(tonumber(stream.values[1][1]))
  assert.eq(type(stream.values[1][1]), "string")
  assert.eq(ts >= before - 1000 and ts <= after + 1000, true)
  assert.eq(stream.values[1][2], "hello")
  assert.same(stream.values[2], { "1771000000000000000", "explicit" })
  assert.same(stream.values[3], { "1771000000000000001", "integer ts" })
  assert.same(stream.values[4], { "1500000000000000000", "float ts" })
  assert.eq(req.body:find('"values":[[', 1, true) ~= nil, true)
  m:close()
end)

test("push of no entries sends an empty values array", function()
  local m = mock.server({ ["POST /loki/api/v1/push"] = { status = 204 } })
  loki.client(m.url):push({ app = "job" }, {})
  assert.eq(m:last().body, '{"streams":[{"stream":{"app":"job"},"values":[]}]}')
  m:close()
end)

test("push: anything but 204 raises loki: POST /loki/api/v1/push HTTP <s>: <body>", function()
  local m = mock.server({ ["POST /loki/api/v1/push"] = { status = 200, body = "" } })
  local c = loki.client(m.url)
  local ok, err = pcall(function() c:push({ app = "x" }, { "line" }) end)
  assert.eq(ok, false)
  assert.matches(err, "loki_test%.lua:%d+: loki: POST /loki/api/v1/push HTTP 200: $")
  m:on("POST /loki/api/v1/push", { status = 400, body = "entry out of order" })
  ok, err = pcall(c.push, c, { app = "x" }, { "line" })
  assert.contains(err, "loki: POST /loki/api/v1/push HTTP 400: entry out of order")
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- queries

test("query sends query, limit, time, direction and returns data.result", function()
  local m = mock.server({ ["GET /loki/api/v1/query"] = success(STREAMS) })
  local c = loki.client(m.url)
  local r = c:query('{app="job"} |~ "level=(error|warn).+"', { direction = "backward", time = "1771000000000000000", limit = 10 })
  assert.same(r, STREAMS.result)
  local req = m:last()
  assert.eq(req.query, "query={app=%22job%22}%20|~%20%22level=(error|warn).%2B%22&limit=10&time=1771000000000000000&direction=backward")
  assert.eq(req.args.query, '{app="job"} |~ "level=(error|warn).+"')
  c:query("sum(rate({app=\"job\"}[1m]))")
  assert.eq(m:last().query, "query=sum(rate({app=%22job%22}[1m]))")
  m:close()
end)

test("query: errors", function()
  local m = mock.server({ ["GET /loki/api/v1/query"] = { status = 400, body = "parse error at line 1, col 1" } })
  local ok, err = pcall(function() loki.client(m.url):query("{") end)
  assert.eq(ok, false)
  assert.matches(err, "loki_test%.lua:%d+: loki: GET /loki/api/v1/query HTTP 400: parse error at line 1, col 1")
  m:close()
end)

test("query_range sends start, end (from end_time), limit, step, direction", function()
  local m = mock.server({ ["GET /loki/api/v1/query_range"] = success(STREAMS) })
  local c = loki.client(m.url)
  assert.same(c:query_range('{app="job"}'), STREAMS.result)
  assert.eq(m:last().query, "query={app=%22job%22}")
  c:query_range('{app="job"}', { start = 1, end_time = 2, limit = 3, step = "5s", direction = "forward" })
  assert.eq(m:last().query, "query={app=%22job%22}&start=1&end=2&limit=3&step=5s&direction=forward")
  m:close()
end)

test("query_range: errors", function()
  local m = mock.server({ ["GET /loki/api/v1/query_range"] = { status = 500, body = "too many outstanding requests" } })
  local ok, err = pcall(loki.client(m.url).query_range, loki.client(m.url), "{a=\"b\"}")
  assert.eq(ok, false)
  assert.contains(err, "loki: GET /loki/api/v1/query_range HTTP 500: too many outstanding requests")
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- labels, series, tail

test("labels returns data, with start/end when given", function()
  local m = mock.server({ ["GET /loki/api/v1/labels"] = success({ "app", "env" }) })
  local c = loki.client(m.url)
  assert.same(c:labels(), { "app", "env" })
  assert.eq(m:last().query, "")
  c:labels({ start = "100", end_time = "200" })
  assert.eq(m:last().query, "start=100&end=200")
  m:on("GET /loki/api/v1/labels", { status = 503, body = "unavailable" })
  local ok, err = pcall(c.labels, c)
  assert.eq(ok, false)
  assert.contains(err, "loki: GET /loki/api/v1/labels HTTP 503: unavailable")
  m:close()
end)

test("label_values returns data", function()
  local m = mock.server({ ["GET /loki/api/v1/label/:name/values"] = success({ "job", "web" }) })
  local c = loki.client(m.url)
  assert.same(c:label_values("app", { start = 5 }), { "job", "web" })
  assert.eq(m:last().params.name, "app")
  assert.eq(m:last().query, "start=5")
  m:on("GET /loki/api/v1/label/:name/values", { status = 404, body = "nope" })
  local ok, err = pcall(c.label_values, c, "app")
  assert.eq(ok, false)
  assert.contains(err, "loki: GET /loki/api/v1/label/app/values HTTP 404: nope")
  m:close()
end)

test("series sends match[] per selector then start/end", function()
  local data = { { app = "job", env = "prod" } }
  local m = mock.server({ ["GET /loki/api/v1/series"] = success(data) })
  local c = loki.client(m.url)
  assert.same(c:series({ '{app="job"}', '{env="prod"}' }, { start = 1, end_time = 2 }), data)
  assert.eq(m:last().query, "match[]={app=%22job%22}&match[]={env=%22prod%22}&start=1&end=2")
  m:on("GET /loki/api/v1/series", { status = 400, body = "missing match[]" })
  local ok, err = pcall(c.series, c, {})
  assert.eq(ok, false)
  assert.contains(err, "loki: GET /loki/api/v1/series HTTP 400: missing match[]")
  m:close()
end)

test("tail GETs /loki/api/v1/tail and returns the whole JSON", function()
  local body = { streams = STREAMS.result, dropped_entries = json.null }
  local m = mock.server({ ["GET /loki/api/v1/tail"] = { json = body } })
  local c = loki.client(m.url)
  local r = c:tail('{app="job"}', { limit = 5, start = "1771000000000000000" })
  assert.same(r.streams, STREAMS.result)
  assert.eq(m:last().query, "query={app=%22job%22}&limit=5&start=1771000000000000000")
  m:on("GET /loki/api/v1/tail", { status = 400, body = "websocket: the client is not using the websocket protocol" })
  local ok, err = pcall(c.tail, c, '{app="job"}')
  assert.eq(ok, false)
  assert.contains(err, "loki: GET /loki/api/v1/tail HTTP 400: websocket")
  m:close()
end)

-- ---------------------------------------------------------------------------------------
-- ready, metrics

test("ready is true on 200 only", function()
  local m = mock.server({ ["GET /ready"] = { status = 200, body = "ready\n" } })
  local c = loki.client(m.url)
  assert.eq(c:ready(), true)
  m:on("GET /ready", { status = 503, body = "Ingester not ready: waiting for 15s after being ready" })
  assert.eq(c:ready(), false)
  m:close()
end)

test("metrics returns the text; a non-200 raises", function()
  local text = "# HELP loki_build_info A metric with a constant '1' value.\n# TYPE loki_build_info gauge\nloki_build_info{version=\"2.9.4\"} 1\n"
  local m = mock.server({ ["GET /metrics"] = { status = 200, headers = { ["content-type"] = "text/plain; version=0.0.4" }, body = text } })
  local c = loki.client(m.url)
  assert.eq(c:metrics(), text)
  m:on("GET /metrics", { status = 500, body = "err" })
  local ok, err = pcall(function() c:metrics() end)
  assert.eq(ok, false)
  assert.matches(err, "loki_test%.lua:%d+: loki: GET /metrics HTTP 500: err")
  m:close()
end)
