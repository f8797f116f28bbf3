--- @module assay.healthcheck
-- HTTP health checks that report instead of raising: status, latency, a JSON value, a body
-- substring, several checks at once, and `wait` (the only function that raises) to poll an
-- endpoint until it is healthy. As in assay v0.4:
--
--   local hc = require("assay.healthcheck")
--   local r = hc.http("http://api:8080/healthz")              -- {ok, status, latency_ms, error}
--   local all = hc.multi({
--     { name = "api", check = function() return hc.status_code("http://api:8080/healthz", 200) end },
--     { name = "db", check = function() return hc.json_path("http://api:8080/status", "db.state", "up") end },
--   })
--   hc.wait("http://api:8080/healthz", { timeout = 30, interval = 1 })
--
-- A result's `error` is nil when it is ok. A transport failure (connection refused,
-- timeout, ...) gives `ok = false`, `status = 0` and the http error's message. Every
-- function takes `opts.headers`; `opts.timeout` is the request timeout in seconds (default
-- 30), except in `wait`, where it is the overall time to wait.

local M = {}

--- The http options of a check: its headers and, when given, its request timeout.
local function request_opts(opts, timeout)
  return { headers = opts.headers or {}, timeout = timeout }
end

--- Runs `fn` under pcall and measures it: ok, result-or-error, latency in whole milliseconds.
local function timed(fn, ...)
  local t0 = time()
  local ok, resp = pcall(fn, ...)
  return ok, resp, math.floor((time() - t0) * 1000)
end

local function status_error(expected, got)
  if got == expected then return nil end
  return "expected status " .. tostring(expected) .. ", got " .. tostring(got)
end

--- Checks that a request answers the expected status.
-- @param url string
-- @param opts table|nil: `method` ("GET" default; "POST", "PUT" and "PATCH" send
--   `opts.body or ""`, "DELETE" sends none), `headers`, `expected_status` (200), `timeout`
-- @return table: `{ok, status, latency_ms, error}`
function M.http(url, opts)
  opts = opts or {}
  local expected = opts.expected_status or 200
  local method = (opts.method or "GET"):upper()
  local ropts = request_opts(opts, opts.timeout)
  local ok, resp, latency_ms = timed(function()
    if method == "POST" or method == "PUT" or method == "PATCH" then
      return http[method:lower()](url, opts.body or "", ropts)
    elseif method == "DELETE" then
      return http.delete(url, ropts)
    end
    return http.get(url, ropts)
  end)
  if not ok then
    return { ok = false, status = 0, latency_ms = latency_ms, error = tostring(resp) }
  end
  return {
    ok = resp.status == expected,
    status = resp.status,
    latency_ms = latency_ms,
    error = status_error(expected, resp.status),
  }
end

--- Follows a dot-separated path of string keys ("a.b.c") through a decoded JSON value.
-- @return any, string|nil: the value, or nil and why not
local function traverse(value, path_expr)
  local current = value
  for key in path_expr:gmatch("[^.]+") do
    if type(current) ~= "table" then
      return nil, "path traversal failed at '" .. key .. "': not a table"
    end
    current = current[key]
    if current == nil then
      return nil, "path '" .. path_expr .. "': key '" .. key .. "' not found"
    end
  end
  return current, nil
end

--- Checks that a JSON answer holds the expected value at a path.
-- @param url string
-- @param path_expr string: dot-separated object keys, e.g. "status.database"
-- @param expected any: compared with `==` (so "1" ~= 1)
-- @param opts table|nil: `headers`, `timeout`
-- @return table: `{ok, actual, expected, error}`; a non-200 gives `error = "HTTP <s>"`
function M.json_path(url, path_expr, expected, opts)
  opts = opts or {}
  local ok, resp = pcall(http.get, url, request_opts(opts, opts.timeout))
  if not ok then
    return { ok = false, expected = expected, error = tostring(resp) }
  end
  if resp.status ~= 200 then
    return { ok = false, expected = expected, error = "HTTP " .. resp.status }
  end
  local parsed, body = pcall(json.parse, resp.body)
  if not parsed then
    return { ok = false, expected = expected, error = "JSON parse error: " .. tostring(body) }
  end
  local actual, err = traverse(body, path_expr)
  if err then
    return { ok = false, expected = expected, error = err }
  end
  return {
    ok = actual == expected,
    actual = actual,
    expected = expected,
    error = actual ~= expected and ("expected " .. tostring(expected) .. ", got " .. tostring(actual)) or nil,
  }
end

--- Checks that a GET answers the expected status.
-- @param url string
-- @param expected integer: the status
-- @param opts table|nil: `headers`, `timeout`
-- @return table: `{ok, status, error}`
function M.status_code(url, expected, opts)
  opts = opts or {}
  local ok, resp = pcall(http.get, url, request_opts(opts, opts.timeout))
  if not ok then
    return { ok = false, status = 0, error = tostring(resp) }
  end
  return { ok = resp.status == expected, status = resp.status, error = status_error(expected, resp.status) }
end

--- Checks that a GET's body contains a substring (plain text, not a pattern; any status).
-- @param url string
-- @param pattern string: the text to look for
-- @param opts table|nil: `headers`, `timeout`
-- @return table: `{ok, found, error}`
function M.body_contains(url, pattern, opts)
  opts = opts or {}
  local ok, resp = pcall(http.get, url, request_opts(opts, opts.timeout))
  if not ok then
    return { ok = false, found = false, error = tostring(resp) }
  end
  local found = resp.body:find(pattern, 1, true) ~= nil
  return { ok = found, found = found, error = (not found) and "pattern not found in response body" or nil }
end

--- Checks a GET's status and latency.
-- @param url string
-- @param opts table|nil: `expected_status` (200), `max_latency_ms` (5000), `headers`, `timeout`
-- @return table: `{ok, status, latency_ms, error}` (the status error first, then the latency's)
function M.endpoint(url, opts)
  opts = opts or {}
  local expected = opts.expected_status or 200
  local max_latency_ms = opts.max_latency_ms or 5000
  local ok, resp, latency_ms = timed(http.get, url, request_opts(opts, opts.timeout))
  if not ok then
    return { ok = false, status = 0, latency_ms = latency_ms, error = tostring(resp) }
  end
  local err = status_error(expected, resp.status)
  if err == nil and latency_ms > max_latency_ms then
    err = "latency " .. latency_ms .. "ms exceeds threshold " .. max_latency_ms .. "ms"
  end
  return { ok = err == nil, status = resp.status, latency_ms = latency_ms, error = err }
end

--- Runs several checks and sums them up.
-- @param checks table: an array of `{name = string, check = function() return result end}`;
--   a check that raises counts as `{ok = false, error = <message>}`, one returning a boolean
--   as `{ok = <it>}`
-- @return table: `{ok, results = {{name, ok, ...the result's other fields}}, passed, failed, total}`
function M.multi(checks)
  local results, passed, failed = {}, 0, 0
  for _, c in ipairs(checks) do
    local ok, result = pcall(c.check)
    if not ok then
      result = { ok = false, error = tostring(result) }
    elseif type(result) == "boolean" then
      result = { ok = result }
    elseif type(result) ~= "table" then
      result = { ok = false, error = "check returned " .. type(result) .. ", not a result table" }
    end
    local entry = { name = c.name, ok = result.ok }
    for k, v in pairs(result) do
      if k ~= "ok" then entry[k] = v end
    end
    results[#results + 1] = entry
    if result.ok then passed = passed + 1 else failed = failed + 1 end
  end
  return { ok = failed == 0, results = results, passed = passed, failed = failed, total = passed + failed }
end

--- Polls a URL with GET until it answers the expected status. Raises when it never does.
-- @param url string
-- @param opts table|nil: `timeout` (60 s), `interval` (2 s; `ceil(timeout/interval)` attempts),
--   `expect_status` (200), `headers`, `request_timeout` (seconds per request, default 30)
-- @return table: `{ok = true, status, attempts}`
function M.wait(url, opts)
  opts = opts or {}
  local timeout = opts.timeout or 60
  local interval = opts.interval or 2
  local expect_status = opts.expect_status or 200
  local attempts = math.ceil(timeout / interval)
  local ropts = request_opts(opts, opts.request_timeout)
  for i = 1, attempts do
    local ok, resp = pcall(http.get, url, ropts)
    if ok and resp.status == expect_status then
      log.info("Healthy: " .. url .. " (attempt " .. i .. ")")
      return { ok = true, status = resp.status, attempts = i }
    end
    if i < attempts then sleep(interval) end
  end
  error("healthcheck.wait: " .. url .. " not healthy after " .. tostring(timeout) .. "s", 2)
end

return M
