--- @module assay.testing.mock
-- Mock HTTP servers for tests. `mock.server(routes)` starts a server on 127.0.0.1 (an
-- ephemeral port, in this process, with `http.listen`), answers each route with a canned
-- response and records every request it gets, matched or not, for the test to check.
--
--   local mock = require("assay.testing.mock")
--   local m = mock.server({
--     ["GET /api/v1/namespaces/:ns/pods/web"] = { status = 200, json = { kind = "Pod" } },
--     ["POST /v1/auth/token/create"] = function(req)
--       return { status = 200, json = { auth = { client_token = req.json.policies[1] } } }
--     end,
--   })
--   local resp = http.get(m.url .. "/api/v1/namespaces/default/pods/web")
--   assert.eq(m:count("GET /api/v1/namespaces/:ns/pods/web"), 1)
--   assert.eq(#m:unmatched(), 0)
--   m:close()
--
-- Routes are "METHOD /path"; a path segment ":name" matches any non-empty segment and fills
-- `req.params.name`. An exact path wins over patterns; among patterns the one with more
-- literal segments wins. A response is a table as `http.serve` handlers return
-- ({status, headers, json | body}, plus `delay` = seconds to wait before answering) or a
-- function(req) returning one. A request no route matches gets 404 with a JSON body
-- `{error = "mock: no route for GET /x", method, path}`, and is recorded with `route = nil`.
--
-- Recorded requests (`m.requests`, oldest first, and what handlers receive):
--   method, path (raw, without the query), query (raw string, "" if none),
--   args (the query parsed: { key = value }, "+" and %XX decoded; a repeated key keeps the
--   last value), headers (lower-case names), body (string, "" if none),
--   json (the body decoded when it is JSON, else nil), params (route parameters),
--   route (the route key that answered, nil when none did).
--
-- Limits: the server takes the methods GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS and any
-- other method named in the routes given to `mock.server`; paths up to 32 segments; a path
-- with an empty segment inside ("/a//b") is answered 404 by http.listen itself, unrecorded.

local M = {}

local METHODS = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" }
local MAX_SEGMENTS = 32

local Server = {}
Server.__index = Server

--- Splits a path into its segments: "/a/b/" → {"", "a", "b", ""}.
local function segments(path)
  local out = {}
  for s in (path .. "/"):gmatch("([^/]*)/") do out[#out + 1] = s end
  return out
end

local function unescape(s)
  s = s:gsub("+", " ")
  return (s:gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end))
end

--- Parses a query string into { key = value }.
local function parse_query(q)
  local args = {}
  for pair in q:gmatch("[^&]+") do
    local k, v = pair:match("^([^=]*)=?(.*)$")
    args[unescape(k)] = unescape(v)
  end
  return args
end

--- The body decoded when it is JSON (by content type or by its first character), else nil.
local function decode_json(body, headers)
  if body == "" then return nil end
  local ctype = headers["content-type"] or ""
  if not (ctype:find("json", 1, true) or body:match("^%s*[%[{]")) then return nil end
  local ok, v = pcall(json.parse, body)
  if ok then return v end
  return nil
end

--- Checks a route key and splits it: "get /a/:id" → "GET", "/a/:id", {"", "a", ":id"}.
local function parse_route(key, level)
  if type(key) ~= "string" then error("mock: a route must be a string 'METHOD /path' (got " .. type(key) .. ")", level + 1) end
  local method, path = key:match("^(%S+)%s+(/%S*)$")
  if method == nil then error("mock: bad route '" .. key .. "' (expected 'METHOD /path')", level + 1) end
  return method:upper(), path, segments(path)
end

--- Whether pattern segments match path segments; fills params.
local function match(parts, segs, params)
  if #parts ~= #segs then return false end
  for i, want in ipairs(parts) do
    if want:sub(1, 1) == ":" then
      if segs[i] == "" then return false end
      params[want:sub(2)] = unescape(segs[i])
    elseif want ~= segs[i] then
      return false
    end
  end
  return true
end

--- The route answering method and path (exact first, then the most literal pattern), with its params.
function Server:_route(method, path)
  local exact = self._exact[method .. " " .. path]
  if exact ~= nil then return exact, {} end
  local segs = segments(path)
  local best, best_params
  for _, r in ipairs(self._patterns) do
    local params = {}
    if r.method == method and match(r.parts, segs, params) and (best == nil or r.literals > best.literals) then
      best, best_params = r, params
    end
  end
  return best, best_params
end

--- The request record of an http.listen request.
local function record(req)
  local headers = req.headers or {}
  local body = req.body or ""
  return {
    method = req.method,
    path = req.path,
    query = req.query or "",
    args = parse_query(req.query or ""),
    headers = headers,
    body = body,
    json = decode_json(body, headers),
    params = {},
  }
end

--- Records a request and answers it.
function Server:_dispatch(req)
  local rec = record(req)
  local r, params = self:_route(rec.method, rec.path)
  rec.params = params or {}
  rec.route = r and r.key
  self.requests[#self.requests + 1] = rec
  if r == nil then
    local what = rec.method .. " " .. rec.path
    return { status = 404, json = { error = "mock: no route for " .. what, method = rec.method, path = rec.path } }
  end
  local resp = r.response
  if type(resp) == "function" then resp = resp(rec) end
  if type(resp) ~= "table" then
    error("mock: the handler of '" .. r.key .. "' must return a response table (got " .. type(resp) .. ")")
  end
  if resp.delay ~= nil then sleep(resp.delay) end
  return resp
end

--- Adds a route, or replaces the response of an existing one.
-- @param route string "METHOD /path" (segments ":name" match any non-empty segment)
-- @param response table|function a response table ({status, headers, json|body, delay}) or function(req) returning one
-- @return the server (for chaining)
function Server:on(route, response)
  local method, path, parts = parse_route(route, 2)
  if type(response) ~= "table" and type(response) ~= "function" then
    error("mock: the response for '" .. route .. "' must be a table or a function (got " .. type(response) .. ")", 2)
  end
  if not self._methods[method] then
    error("mock: method " .. method .. " was not known when the server started (name it in mock.server's routes)", 2)
  end
  local key = method .. " " .. path
  local existing = self._exact[key]
  for _, r in ipairs(self._patterns) do
    if r.key == key then existing = r end
  end
  if existing ~= nil then
    existing.response = response
    return self
  end
  local r = { key = key, method = method, parts = parts, response = response, literals = 0 }
  if not path:find("/:", 1, true) then
    self._exact[key] = r
    return self
  end
  for _, p in ipairs(parts) do
    if p:sub(1, 1) ~= ":" then r.literals = r.literals + 1 end
  end
  self._patterns[#self._patterns + 1] = r
  return self
end

--- The recorded requests answered by a route, or sent as "METHOD /path".
-- @param route string|nil a route key as given to mock.server/on, or "METHOD /path" as sent; nil for all
-- @return list of request records, oldest first
function Server:calls(route)
  if route == nil then return { table.unpack(self.requests) } end
  local method, path = parse_route(route, 2)
  local key, out = method .. " " .. path, {}
  for _, rec in ipairs(self.requests) do
    if rec.route == key or (rec.method .. " " .. rec.path) == key then out[#out + 1] = rec end
  end
  return out
end

--- How many requests a route got (all requests when route is nil).
-- @param route string|nil as for calls
-- @return integer
function Server:count(route)
  return #self:calls(route)
end

--- The latest request (for a route, when given).
-- @param route string|nil as for calls
-- @return the request record, or nil when there is none
function Server:last(route)
  local list = self:calls(route)
  return list[#list]
end

--- The requests no route answered (they got 404).
-- @return list of request records, oldest first
function Server:unmatched()
  local out = {}
  for _, rec in ipairs(self.requests) do
    if rec.route == nil then out[#out + 1] = rec end
  end
  return out
end

--- Forgets the recorded requests (m.requests stays the same table).
-- @return the server
function Server:reset()
  for i = #self.requests, 1, -1 do self.requests[i] = nil end
  return self
end

--- Stops the server (requests in flight still get their answers).
function Server:close()
  self._listener.close()
end

--- The routes table for http.listen: every path, for every method, to one dispatcher.
local function catch_all(methods, dispatch)
  local paths = { ["/"] = dispatch }
  local p = ""
  for i = 1, MAX_SEGMENTS do
    p = p .. "/:s" .. i
    paths[p] = dispatch
    paths[p .. "/"] = dispatch
  end
  local routes = {}
  for m in pairs(methods) do routes[m] = paths end
  return routes
end

--- Starts a mock server.
-- @param routes table|nil { ["METHOD /path"] = response table or function(req), ... }
-- @return a server: m.url ("http://127.0.0.1:PORT"), m.port, m.requests, and the methods
--   m:on(route, response), m:calls(route), m:count(route), m:last(route), m:unmatched(),
--   m:reset(), m:close()
function M.server(routes)
  if routes ~= nil and type(routes) ~= "table" then error("mock.server: routes must be a table or nil", 2) end
  local self = setmetatable({ requests = {}, _exact = {}, _patterns = {}, _methods = {} }, Server)
  for _, m in ipairs(METHODS) do self._methods[m] = true end
  local keys = {}
  for key in pairs(routes or {}) do
    keys[#keys + 1] = key
    self._methods[(parse_route(key, 2))] = true
  end
  table.sort(keys)
  for _, key in ipairs(keys) do self:on(key, routes[key]) end
  self._listener = http.listen(0, catch_all(self._methods, function(req) return self:_dispatch(req) end), { host = "127.0.0.1" })
  self.port = self._listener.port
  self.url = "http://127.0.0.1:" .. self.port
  return self
end

return M
