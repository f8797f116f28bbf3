--- @module assay.grafana
-- Grafana HTTP API: health, data sources, dashboard search and fetch, annotations,
-- organisation, provisioned alert rules and folders. A client object, as in assay v0.4:
--
--   local grafana = require("assay.grafana")
--   local g = grafana.client("http://grafana:3000", { api_key = env.get("GRAFANA_TOKEN") })
--   local hits = g:search({ query = "Kubernetes", type = "dash-db" })
--   g:create_annotation({ text = "deployed v1.2", tags = { "deploy" } })
--
-- Every request but `health` sends `Content-Type: application/json` and, when configured,
-- `Authorization: Bearer <api_key>` (or Basic with username and password). Errors:
-- `grafana: <METHOD> <path> HTTP <status>: <body>` unless the answer is 200. Query values
-- are put into the URL as given (v0.4), except `+`, `&` and `#`, which are encoded.

local rest = require("assay.internal.rest")

local M = {}

local value, query_string = rest.value, rest.query_string

local Client = {}
Client.__index = Client

--- Creates a client.
-- @param url string: the Grafana base URL (trailing slashes are ignored)
-- @param opts table|nil: `api_key` (a service-account token or API key), or `username` and
--   `password` (basic auth)
-- @return table: the client; its fields `url`, `api_key`, `username`, `password` are public
function M.client(url, opts)
  opts = opts or {}
  return setmetatable({
    url = rest.base(url),
    api_key = opts.api_key,
    username = opts.username,
    password = opts.password,
  }, Client)
end

--- Sends a request and decodes the JSON answer, raising the module's error unless it is a
-- 200; errors point at the caller of the public method.
local function request(self, method, path, payload)
  return (rest.request(self.url, method, path, payload, {
    name = "grafana", headers = rest.json_headers(self.api_key, self.username, self.password), level = 3,
  }))
end

--- Gets the server's health (GET /api/health, sent without authentication).
-- @return table: `{commit, database = "ok", version}`
function Client:health()
  local resp = http.get(self.url .. "/api/health")
  if resp.status ~= 200 then
    error("grafana: GET /api/health HTTP " .. resp.status .. ": " .. resp.body, 2)
  end
  return json.parse(resp.body)
end

--- Lists the data sources (GET /api/datasources).
-- @return table: an array of `{id, uid, name, type, url, ...}`
function Client:datasources()
  return (request(self, "GET", "/api/datasources"))
end

--- Gets one data source: a number is an ID (GET /api/datasources/<id>), anything else a UID
-- (GET /api/datasources/uid/<uid>).
-- @param id_or_uid number|string
-- @return table: the data source
function Client:datasource(id_or_uid)
  if type(id_or_uid) == "number" then
    return (request(self, "GET", "/api/datasources/" .. (math.tointeger(id_or_uid) or id_or_uid)))
  end
  return (request(self, "GET", "/api/datasources/uid/" .. id_or_uid))
end

--- Searches dashboards and folders (GET /api/search).
-- @param opts table|nil: `query`, `type` ("dash-db" or "dash-folder"), `tag`, `limit`
-- @return table: an array of hits `{id, uid, title, type, url, tags, ...}`
function Client:search(opts)
  opts = opts or {}
  local params = {}
  for _, name in ipairs({ "query", "type", "tag", "limit" }) do
    if opts[name] then params[#params + 1] = name .. "=" .. value(opts[name]) end
  end
  return (request(self, "GET", "/api/search" .. query_string(params)))
end

--- Gets a dashboard by UID (GET /api/dashboards/uid/<uid>).
-- @param uid string
-- @return table: `{dashboard = {...}, meta = {...}}`
function Client:dashboard(uid)
  return (request(self, "GET", "/api/dashboards/uid/" .. uid))
end

--- Lists annotations (GET /api/annotations).
-- @param opts table|nil: `from`, `to` (epoch ms), `dashboard_id` (sent as dashboardId),
--   `limit`, `tags` (an array; one `tags=` each)
-- @return table: an array of annotations
function Client:annotations(opts)
  opts = opts or {}
  local params = {}
  if opts.from then params[#params + 1] = "from=" .. value(opts.from) end
  if opts.to then params[#params + 1] = "to=" .. value(opts.to) end
  if opts.dashboard_id then params[#params + 1] = "dashboardId=" .. value(opts.dashboard_id) end
  if opts.limit then params[#params + 1] = "limit=" .. value(opts.limit) end
  for _, tag in ipairs(opts.tags or {}) do params[#params + 1] = "tags=" .. value(tag) end
  return (request(self, "GET", "/api/annotations" .. query_string(params)))
end

--- Creates an annotation (POST /api/annotations).
-- @param annotation table: `{text, tags?, time?, timeEnd?, dashboardUID?, panelId?}`
-- @return table: `{id, message = "Annotation added"}`
function Client:create_annotation(annotation)
  return (request(self, "POST", "/api/annotations", annotation))
end

--- Gets the current organisation (GET /api/org).
-- @return table: `{id, name, address}`
function Client:org()
  return (request(self, "GET", "/api/org"))
end

--- Lists the provisioned alert rules (GET /api/v1/provisioning/alert-rules).
-- @return table: an array of alert rules
function Client:alert_rules()
  return (request(self, "GET", "/api/v1/provisioning/alert-rules"))
end

--- Lists the folders (GET /api/folders).
-- @return table: an array of `{id, uid, title}`
function Client:folders()
  return (request(self, "GET", "/api/folders"))
end

return M
