--- @module assay.alertmanager
-- Alertmanager API v2: list and post alerts, alert groups, silences (list, get, create,
-- delete, silence an alert by name), status and receivers. Module functions taking the
-- server URL first (trailing slashes are ignored), as in assay v0.4:
--
--   local am = require("assay.alertmanager")
--   if am.is_firing("http://alertmanager:9093", "Watchdog") then ... end
--   local id = am.silence_alert("http://alertmanager:9093", "NodeDown", 2, { comment = "maintenance" })
--
-- Every function raises `alertmanager.<fn>: HTTP <status>: <body>` unless the server answers
-- 200. Query values are put into the URL as given (v0.4): spaces and quotes are
-- percent-encoded by the HTTP layer, and `+`, `&` and `#` here, so that regex matchers such
-- as `alertname=~"Node.+"` arrive intact.
--
-- Unlike v0.4, `silence_alert` sends `startsAt`/`endsAt` as RFC 3339 times (v0.4 sent
-- epoch-second strings, which Alertmanager rejects).

local rest = require("assay.internal.rest")

local M = {}

-- ---------------------------------------------------------------------------------------
-- helpers
-- ---------------------------------------------------------------------------------------

local base, value = rest.base, rest.value

--- Sends a request to the server at `url`: the response (`raw`) or the decoded JSON; raises
-- the module's error unless the status is 200, at `level` counted from request's caller.
local function request(fn, url, method, path, body, o)
  o.what, o.level = "alertmanager." .. fn .. ":", o.level + 1
  return (rest.request(base(url), method, path, body, o))
end

--- GETs a path and returns the decoded JSON; errors point at the public function's caller.
local function api_get(fn, url, path)
  return (request(fn, url, "GET", path, nil, { level = 3 }))
end

local JSON = { ["Content-Type"] = "application/json" }

--- The query string of the alert filters, in v0.4's order: the booleans named in `flags`
-- (only those given), then `filter=` per matcher, then `receiver`.
local function alert_params(opts, flags)
  local params = {}
  if opts then
    for _, name in ipairs(flags) do
      if opts[name] ~= nil then params[#params + 1] = name .. "=" .. tostring(opts[name]) end
    end
    for _, f in ipairs(opts.filter or {}) do
      params[#params + 1] = "filter=" .. value(f)
    end
    if opts.receiver then params[#params + 1] = "receiver=" .. value(opts.receiver) end
  end
  return rest.query_string(params)
end

--- An RFC 3339 UTC time with milliseconds: 2026-02-13T10:00:00.123Z.
local function rfc3339(t)
  local secs = math.floor(t)
  local millis = math.floor((t - secs) * 1000)
  return os.date("!%Y-%m-%dT%H:%M:%S", secs) .. string.format(".%03dZ", millis)
end

-- ---------------------------------------------------------------------------------------
-- alerts
-- ---------------------------------------------------------------------------------------

--- Lists alerts (GET /api/v2/alerts).
-- @param url string: the Alertmanager base URL
-- @param opts table|nil: `active`, `silenced`, `inhibited`, `unprocessed` (booleans),
--   `filter` (an array of matchers such as `'alertname="X"'`), `receiver` (a regex)
-- @return table: an array of alerts `{labels, annotations, startsAt, endsAt, fingerprint,
--   receivers, status = {state, silencedBy, inhibitedBy}, ...}`
function M.alerts(url, opts)
  return (api_get("alerts", url, "/api/v2/alerts"
    .. alert_params(opts, { "active", "silenced", "inhibited", "unprocessed" })))
end

--- Posts alerts (POST /api/v2/alerts).
-- @param url string: the Alertmanager base URL
-- @param alerts table: an array of `{labels = {...}, annotations = {...}, startsAt?, endsAt?, generatorURL?}`
-- @return boolean: true
function M.post_alerts(url, alerts)
  -- an empty list goes out as [] (our JSON encodes an unmarked empty table as {})
  if next(alerts) == nil then alerts = json.array({}) end
  request("post_alerts", url, "POST", "/api/v2/alerts", alerts, { headers = JSON, raw = true, level = 2 })
  return true
end

--- Lists alert groups (GET /api/v2/alerts/groups).
-- @param url string: the Alertmanager base URL
-- @param opts table|nil: `active`, `silenced`, `inhibited` (booleans), `filter` (array), `receiver`
-- @return table: an array of `{labels, receiver = {name}, alerts = {...}}`
function M.alert_groups(url, opts)
  return (api_get("alert_groups", url, "/api/v2/alerts/groups"
    .. alert_params(opts, { "active", "silenced", "inhibited" })))
end

--- Tells whether an alert of that name is firing (active, neither silenced nor inhibited).
-- @param url string: the Alertmanager base URL
-- @param alertname string: the alert's `alertname` label
-- @return boolean
function M.is_firing(url, alertname)
  local alerts = M.alerts(url, {
    active = true, silenced = false, inhibited = false,
    filter = { 'alertname="' .. alertname .. '"' },
  })
  return #alerts > 0
end

--- Counts the active alerts that are neither silenced nor inhibited.
-- @param url string: the Alertmanager base URL
-- @return integer
function M.active_count(url)
  return #M.alerts(url, { active = true, silenced = false, inhibited = false })
end

-- ---------------------------------------------------------------------------------------
-- silences
-- ---------------------------------------------------------------------------------------

--- Lists silences (GET /api/v2/silences[?filter=...]).
-- @param url string: the Alertmanager base URL
-- @param opts table|nil: `filter`, an array of matchers
-- @return table: an array of `{id, matchers, startsAt, endsAt, createdBy, comment, status = {state}}`
function M.silences(url, opts)
  return (api_get("silences", url, "/api/v2/silences" .. alert_params(opts and { filter = opts.filter }, {})))
end

--- Gets one silence (GET /api/v2/silence/<id>).
-- @param url string: the Alertmanager base URL
-- @param id string: the silence ID
-- @return table: the silence
function M.silence(url, id)
  return (api_get("silence", url, "/api/v2/silence/" .. id))
end

--- Creates (or, with `id`, updates) a silence (POST /api/v2/silences).
-- @param url string: the Alertmanager base URL
-- @param silence table: `{matchers = {{name, value, isRegex, isEqual}}, startsAt, endsAt, createdBy, comment, id?}`
-- @return table: `{silenceID = "..."}`
function M.create_silence(url, silence)
  return (request("create_silence", url, "POST", "/api/v2/silences", silence, { headers = JSON, level = 2 }))
end

--- Expires a silence (DELETE /api/v2/silence/<id>).
-- @param url string: the Alertmanager base URL
-- @param id string: the silence ID
-- @return boolean: true
function M.delete_silence(url, id)
  request("delete_silence", url, "DELETE", "/api/v2/silence/" .. id, nil, { raw = true, level = 2 })
  return true
end

--- Silences every alert named `alertname` from now for `duration_hours`.
-- @param url string: the Alertmanager base URL
-- @param alertname string: the `alertname` label to match (exactly)
-- @param duration_hours number: how long, in hours (fractions allowed)
-- @param opts table|nil: `created_by` (default "assay"), `comment` (default "Silenced by assay")
-- @return string: the new silence's ID
function M.silence_alert(url, alertname, duration_hours, opts)
  opts = opts or {}
  local now = time()
  local result = M.create_silence(url, {
    matchers = { { name = "alertname", value = alertname, isRegex = false, isEqual = true } },
    startsAt = rfc3339(now),
    endsAt = rfc3339(now + duration_hours * 3600),
    createdBy = opts.created_by or "assay",
    comment = opts.comment or "Silenced by assay",
  })
  return result.silenceID
end

-- ---------------------------------------------------------------------------------------
-- status
-- ---------------------------------------------------------------------------------------

--- Gets the server's status (GET /api/v2/status).
-- @param url string: the Alertmanager base URL
-- @return table: `{cluster = {status, peers, name}, config = {original}, uptime, versionInfo}`
function M.status(url)
  return (api_get("status", url, "/api/v2/status"))
end

--- Lists the configured receivers (GET /api/v2/receivers).
-- @param url string: the Alertmanager base URL
-- @return table: an array of `{name = "..."}`
function M.receivers(url)
  return (api_get("receivers", url, "/api/v2/receivers"))
end

return M
