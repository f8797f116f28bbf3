--- @module assay.internal.rest
-- The JSON-over-HTTP plumbing the stdlib's REST clients share (internal, not an API for
-- scripts): base URLs, query strings built as v0.4 built them, auth headers, one request
-- with the status check and error string of the clients, and polling until a deadline.
-- Errors are raised at a level the caller chooses, so that they keep pointing into the
-- client module (or at its caller) rather than into this file.

local M = {}

--- A URL without its trailing slashes.
-- @param url string
-- @return string
function M.base(url)
  return (url:gsub("/+$", ""))
end

local function percent(ch) return ("%%%02X"):format(ch:byte()) end

--- A query value as v0.4 concatenated it, except `+` (read as a space), `&` (a new
-- parameter) and `#` (the fragment), which are percent-encoded.
-- @param v any the value (`tostring` is applied)
-- @return string
function M.value(v)
  return (tostring(v):gsub("[+&#]", percent))
end

--- "?a&b..." from a list of "k=v" strings; "" when the list is empty.
-- @param parts table the parameters, already encoded
-- @return string
function M.query_string(parts)
  if #parts == 0 then return "" end
  return "?" .. table.concat(parts, "&")
end

--- "?k=v&..." from a list of `{key, value}` pairs; pairs whose value is nil are left out.
-- @param params table the pairs, in order
-- @param encode function|nil how a value is written (default `value`)
-- @return string "" when no pair has a value
function M.query(params, encode)
  encode = encode or M.value
  local parts = {}
  for _, kv in ipairs(params) do
    if kv[2] ~= nil then parts[#parts + 1] = kv[1] .. "=" .. encode(kv[2]) end
  end
  return M.query_string(parts)
end

--- The headers of a JSON API: `Content-Type: application/json`, and `Authorization`:
-- Bearer `token`, else Basic `username:password` when both are given, else none.
-- @param token string|nil
-- @param username string|nil
-- @param password string|nil
-- @return table
function M.json_headers(token, username, password)
  local h = { ["Content-Type"] = "application/json" }
  if token then
    h["Authorization"] = "Bearer " .. token
  elseif username and password then
    h["Authorization"] = "Basic " .. base64.encode(username .. ":" .. password)
  end
  return h
end

--- Whether a status is a success (2xx).
-- @param status integer
-- @return boolean
function M.is_2xx(status)
  return status >= 200 and status < 300
end

local function is_200(status) return status == 200 end

--- Sends one request to `base .. path`, checks its status and decodes the JSON answer.
-- GET and DELETE send no body; the other methods send `body` (a table as JSON). An answer
-- that is not accepted raises `<what> HTTP <status>: <body>`, where `what` is
-- `<name>: <verb> <path>` unless given.
-- @param base string the server URL, without a trailing slash
-- @param method string "GET", "POST", "PUT", "PATCH" or "DELETE"
-- @param path string the path (and query string)
-- @param body any the body of a POST, PUT or PATCH
-- @param o table `name` (the module, first word of the error), `verb` (its second word,
--   default the method), `what` (the whole text before " HTTP"), `headers` (default none),
--   `ok` (a function of the status accepting the answer; default: status 200), `on404` (a
--   404 gives nil when true, this function's result when a function, else it is an error
--   like other statuses), `empty` (an empty body gives nil), `raw` (return the response
--   instead of decoding it), `level` (the error's position as `error`'s level counted from
--   the caller of request: 1, the default, is the line that called it)
-- @return any the decoded answer, or the response with `raw`
function M.request(base, method, path, body, o)
  local opts, resp = { headers = o.headers or {} }, nil
  if method == "GET" or method == "DELETE" then
    resp = http[method:lower()](base .. path, opts)
  else
    resp = http[method:lower()](base .. path, body, opts)
  end
  if resp.status == 404 and o.on404 then
    if o.on404 == true then return nil end
    return o.on404()
  end
  if not (o.ok or is_200)(resp.status) then
    local what = o.what or (o.name .. ": " .. (o.verb or method) .. " " .. path)
    error(what .. " HTTP " .. resp.status .. ": " .. resp.body, (o.level or 1) + 1)
  end
  if o.raw then return resp end
  if o.empty and resp.body == "" then return nil end
  return json.parse(resp.body)
end

--- Calls `check` until it returns a true value, and returns that value. Sleeps `interval`
-- seconds between calls (less before the deadline, where the last call is made); errors
-- raised by `check` are not caught.
-- @param check function called with no arguments
-- @param timeout_secs number how long to keep trying
-- @param interval number seconds between calls
-- @return any the first true value of `check`, or nil once the time has run out
function M.poll(check, timeout_secs, interval)
  local deadline = time() + timeout_secs
  while true do
    local v = check()
    if v then return v end
    local left = deadline - time()
    if left <= 0 then return nil end
    sleep(math.min(interval, left))
  end
end

return M
