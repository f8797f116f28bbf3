--- @module assay.prometheus
-- Prometheus HTTP API (v1): instant and range PromQL queries, alerts, scrape targets, rules,
-- label values, series, target metadata and configuration reload. Module functions taking the
-- server URL first (trailing slashes are ignored), as in assay v0.4:
--
--   local prometheus = require("assay.prometheus")
--   local up = prometheus.query("http://prometheus:9090", 'up{job="api"}')   -- 1 (one series)
--
-- Every function raises `prometheus.<fn>: HTTP <status>: <body>` when the server does not
-- answer 200, and `prometheus.<fn>: <error>` when the JSON `status` is not "success".
-- `query` sends its PromQL percent-encoded (v0.4 sent none: a bug). The other functions put
-- their arguments into the query string as given, as v0.4 did (spaces and quotes are
-- percent-encoded by the HTTP layer; callers may pass pre-encoded `%XX` sequences), except
-- that `+`, `&` and `#` are encoded so that PromQL such as `{job=~"api.+"}` arrives intact.

local rest = require("assay.internal.rest")

local M = {}

-- ---------------------------------------------------------------------------------------
-- helpers
-- ---------------------------------------------------------------------------------------

local base, value, query_string = rest.base, rest.value, rest.query_string

--- Percent-encodes every byte except the unreserved characters of RFC 3986.
local function encode(s)
  return (tostring(s):gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

--- GETs an API path and returns the decoded JSON envelope, raising the module's errors.
local function api_get(fn, url, path)
  local data = rest.request(base(url), "GET", path, nil, { what = "prometheus." .. fn .. ":", level = 3 })
  if type(data) ~= "table" or data.status ~= "success" then
    error("prometheus." .. fn .. ": " .. (type(data) == "table" and data.error or "unknown error"), 3)
  end
  return data
end

local function number_or_string(v)
  return tonumber(v) or v
end

-- ---------------------------------------------------------------------------------------
-- queries
-- ---------------------------------------------------------------------------------------

--- Runs an instant PromQL query (GET /api/v1/query?query=<promql>).
-- @param url string: the Prometheus base URL
-- @param promql string: the expression
-- @return number|string|table: for exactly one series (or a scalar/string result) its value
--   as a number (or the raw string when it is not numeric); otherwise an array of
--   `{metric = labels, value = number}` (`{}` when nothing matched). A range-vector result
--   gives an array of `{metric = labels, values = {{ts, "v"}, ...}}`.
function M.query(url, promql)
  local data = api_get("query", url, "/api/v1/query?query=" .. encode(promql))
  local result = data.data and data.data.result
  if result == nil then
    error("prometheus.query: unexpected response format", 2)
  end
  local kind = data.data.resultType
  if kind == "scalar" or kind == "string" then
    return number_or_string(result[2])
  end
  if kind == "matrix" then
    local out = {}
    for i, series in ipairs(result) do
      out[i] = { metric = series.metric, values = series.values }
    end
    return out
  end
  if #result == 1 then
    return number_or_string(result[1].value[2])
  end
  local out = {}
  for i, series in ipairs(result) do
    out[i] = { metric = series.metric, value = number_or_string(series.value[2]) }
  end
  return out
end

--- Runs a range query (GET /api/v1/query_range?query=&start=&end=&step=).
-- @param url string: the Prometheus base URL
-- @param promql string: the expression
-- @param start_time number|string|nil: start (Unix seconds or RFC 3339)
-- @param end_time number|string|nil: end
-- @param step number|string|nil: resolution (seconds or a duration such as "15s")
-- @return table: `data.result`, an array of `{metric = labels, values = {{ts, "v"}, ...}}`
function M.query_range(url, promql, start_time, end_time, step)
  local params = { "query=" .. value(promql) }
  if start_time then params[#params + 1] = "start=" .. value(start_time) end
  if end_time then params[#params + 1] = "end=" .. value(end_time) end
  if step then params[#params + 1] = "step=" .. value(step) end
  return api_get("query_range", url, "/api/v1/query_range" .. query_string(params)).data.result
end

-- ---------------------------------------------------------------------------------------
-- alerts, targets, rules
-- ---------------------------------------------------------------------------------------

--- Lists the alerts Prometheus's rules currently produce (GET /api/v1/alerts).
-- @param url string: the Prometheus base URL
-- @return table: `data.alerts`, an array of `{labels, annotations, state, activeAt, value}`
function M.alerts(url)
  return api_get("alerts", url, "/api/v1/alerts").data.alerts
end

--- Lists the scrape targets (GET /api/v1/targets).
-- @param url string: the Prometheus base URL
-- @return table: `data`, i.e. `{activeTargets = {...}, droppedTargets = {...}}`
function M.targets(url)
  return api_get("targets", url, "/api/v1/targets").data
end

--- Lists the rule groups (GET /api/v1/rules[?type=alert|record]).
-- @param url string: the Prometheus base URL
-- @param opts table|nil: `type` = "alert" or "record" to keep one kind of rule
-- @return table: `data.groups`, an array of `{name, file, rules = {...}, interval}`
function M.rules(url, opts)
  local path = "/api/v1/rules"
  if opts and opts.type then path = path .. "?type=" .. value(opts.type) end
  return api_get("rules", url, path).data.groups
end

-- ---------------------------------------------------------------------------------------
-- metadata
-- ---------------------------------------------------------------------------------------

--- Lists the values of a label (GET /api/v1/label/<label>/values).
-- @param url string: the Prometheus base URL
-- @param label string: the label name, e.g. "job"
-- @return table: `data`, an array of strings
function M.label_values(url, label)
  return api_get("label_values", url, "/api/v1/label/" .. label .. "/values").data
end

--- Finds the series matching selectors (GET /api/v1/series?match[]=<s1>&match[]=<s2>...).
-- @param url string: the Prometheus base URL
-- @param selectors table: an array of series selectors, e.g. `{'up{job="api"}'}`
-- @return table: `data`, an array of label sets
function M.series(url, selectors)
  local params = {}
  for _, sel in ipairs(selectors) do
    params[#params + 1] = "match[]=" .. value(sel)
  end
  return api_get("series", url, "/api/v1/series?" .. table.concat(params, "&")).data
end

--- Gets the metric metadata of targets (GET /api/v1/targets/metadata[?match_target=&metric=&limit=]).
-- @param url string: the Prometheus base URL
-- @param opts table|nil: `match_target` (a label selector), `metric` (a name), `limit`
-- @return table: `data`, an array of `{target, metric, type, help, unit}`
function M.targets_metadata(url, opts)
  local params = {}
  if opts then
    if opts.match_target then params[#params + 1] = "match_target=" .. value(opts.match_target) end
    if opts.metric then params[#params + 1] = "metric=" .. value(opts.metric) end
    if opts.limit then params[#params + 1] = "limit=" .. value(opts.limit) end
  end
  return api_get("targets_metadata", url, "/api/v1/targets/metadata" .. query_string(params)).data
end

--- Asks Prometheus to reload its configuration (POST /-/reload, empty body). Needs
-- Prometheus started with --web.enable-lifecycle.
-- @param url string: the Prometheus base URL
-- @return boolean: true when the server answered 200 (any other status gives false)
function M.config_reload(url)
  local resp = http.post(base(url) .. "/-/reload", "", { headers = {} })
  return resp.status == 200
end

return M
