--- @module assay.loki
-- Grafana Loki HTTP API: push log lines, LogQL instant and range queries, labels, label
-- values, series, tail (one plain GET), readiness and metrics. A client object, as in assay v0.4:
--
--   local loki = require("assay.loki")
--   local c = loki.client("http://loki:3100")
--   c:push({ app = "job", env = "prod" }, { "started", { "1771000000000000000", "with a timestamp" } })
--   local streams = c:query_range(loki.selector({ app = "job" }) .. ' |= "error"', { limit = 100 })
--
-- Errors: `loki: GET <path> HTTP <status>: <body>` unless a GET answers 200;
-- `loki: POST /loki/api/v1/push HTTP <status>: <body>` unless a push answers 204.
-- Query values are put into the URL as given (v0.4), in a fixed order (v0.4's was that of
-- pairs()): spaces and quotes are percent-encoded by the HTTP layer, and `+`, `&` and `#`
-- here, so that LogQL such as `|~ "a.+"` arrives intact.

local rest = require("assay.internal.rest")

local M = {}

local query_string = rest.query

--- A Loki timestamp: nanoseconds as a decimal string (an integral float is written in full).
local function nanos(ts)
  if math.type(ts) == "float" and ts == math.floor(ts) and math.abs(ts) < 2 ^ 63 then
    return string.format("%d", ts)
  end
  return tostring(ts)
end

--- Builds a LogQL stream selector: `{app="x",env="prod"}` (keys sorted; values as given).
-- @param labels table: label name → value
-- @return string
function M.selector(labels)
  local keys = {}
  for k in pairs(labels) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local parts = {}
  for i, k in ipairs(keys) do parts[i] = k .. '="' .. tostring(labels[k]) .. '"' end
  return "{" .. table.concat(parts, ",") .. "}"
end

local Client = {}
Client.__index = Client

--- Creates a client (no authentication).
-- @param url string: the Loki base URL (trailing slashes are ignored)
-- @return table: the client; `c.url` is the base URL
function M.client(url)
  return setmetatable({ url = rest.base(url) }, Client)
end

--- GETs `path` (with its query string `qs`) and returns the response, raising the module's
-- error unless it is a 200; `level` as error's, counted from get's caller.
local function get(self, path, qs, level)
  return (rest.request(self.url, "GET", path .. (qs or ""), nil, {
    what = "loki: GET " .. path, raw = true, level = level + 1,
  }))
end

--- GETs and decodes JSON; errors point at the caller of the public method.
local function get_json(self, path, qs)
  return json.parse(get(self, path, qs, 3).body)
end

--- Pushes log lines to one stream (POST /loki/api/v1/push).
-- @param stream_labels table: the stream's labels, e.g. `{app = "job"}`
-- @param entries table: an array of lines; each a string (stamped with the current time)
--   or `{timestamp_ns, line}` (the timestamp a string or integer of nanoseconds)
-- @return boolean: true (Loki answers 204)
function Client:push(stream_labels, entries)
  local values = json.array({})
  for i, entry in ipairs(entries) do
    if type(entry) == "string" then
      values[i] = { tostring(math.floor(time() * 1e9)), entry }
    else
      values[i] = { nanos(entry[1]), entry[2] }
    end
  end
  local body = json.encode({ streams = { { stream = stream_labels, values = values } } })
  local resp = http.post(self.url .. "/loki/api/v1/push", body,
    { headers = { ["Content-Type"] = "application/json" } })
  if resp.status ~= 204 then
    error("loki: POST /loki/api/v1/push HTTP " .. resp.status .. ": " .. resp.body, 2)
  end
  return true
end

--- Runs an instant LogQL query (GET /loki/api/v1/query).
-- @param logql string: the query
-- @param opts table|nil: `limit`, `time` (ns or RFC 3339), `direction` ("forward"/"backward")
-- @return table: `data.result` (streams `{stream, values}` or vectors `{metric, value}`)
function Client:query(logql, opts)
  opts = opts or {}
  local data = get_json(self, "/loki/api/v1/query", query_string({
    { "query", logql }, { "limit", opts.limit }, { "time", opts.time }, { "direction", opts.direction },
  }))
  return data.data.result
end

--- Runs a range LogQL query (GET /loki/api/v1/query_range).
-- @param logql string: the query
-- @param opts table|nil: `start`, `end_time` (sent as `end`), `limit`, `step`, `direction`
-- @return table: `data.result` (streams `{stream, values}` or matrices `{metric, values}`)
function Client:query_range(logql, opts)
  opts = opts or {}
  local data = get_json(self, "/loki/api/v1/query_range", query_string({
    { "query", logql }, { "start", opts.start }, { "end", opts.end_time }, { "limit", opts.limit },
    { "step", opts.step }, { "direction", opts.direction },
  }))
  return data.data.result
end

--- Lists label names (GET /loki/api/v1/labels).
-- @param opts table|nil: `start`, `end_time`
-- @return table: `data`, an array of names
function Client:labels(opts)
  opts = opts or {}
  local data = get_json(self, "/loki/api/v1/labels",
    query_string({ { "start", opts.start }, { "end", opts.end_time } }))
  return data.data
end

--- Lists the values of a label (GET /loki/api/v1/label/<name>/values).
-- @param name string: the label name
-- @param opts table|nil: `start`, `end_time`
-- @return table: `data`, an array of values
function Client:label_values(name, opts)
  opts = opts or {}
  local data = get_json(self, "/loki/api/v1/label/" .. name .. "/values",
    query_string({ { "start", opts.start }, { "end", opts.end_time } }))
  return data.data
end

--- Lists the streams matching selectors (GET /loki/api/v1/series?match[]=...).
-- @param selectors table: an array of stream selectors
-- @param opts table|nil: `start`, `end_time`
-- @return table: `data`, an array of label sets
function Client:series(selectors, opts)
  opts = opts or {}
  local params = {}
  for _, sel in ipairs(selectors) do params[#params + 1] = { "match[]", sel } end
  params[#params + 1] = { "start", opts.start }
  params[#params + 1] = { "end", opts.end_time }
  local data = get_json(self, "/loki/api/v1/series", query_string(params))
  return data.data
end

--- Fetches recent lines of a query (a plain GET of /loki/api/v1/tail, not a WebSocket).
-- @param logql string: the query
-- @param opts table|nil: `limit`, `start`
-- @return table: the whole JSON answer
function Client:tail(logql, opts)
  opts = opts or {}
  local data = get_json(self, "/loki/api/v1/tail",
    query_string({ { "query", logql }, { "limit", opts.limit }, { "start", opts.start } }))
  return data
end

--- Tells whether Loki is ready (GET /ready).
-- @return boolean: true when it answers 200
function Client:ready()
  local resp = http.get(self.url .. "/ready", { headers = {} })
  return resp.status == 200
end

--- Gets Loki's own metrics (GET /metrics).
-- @return string: the Prometheus text exposition
function Client:metrics()
  local resp = get(self, "/metrics", nil, 2)
  return resp.body
end

return M
