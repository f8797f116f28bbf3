--- @module assay.testing.support
-- Set-up shared by the tests of the stdlib's HTTP clients (and usable by any test under
-- `assay test`): a mock server with a client on it that checks every request afterwards,
-- a check of the latest request, and an expected error.
--
--   local support = require("assay.testing.support")
--   support.with_mock(routes, function(m) return mylib.client(m.url, "tok") end, function(c, m)
--     c:get_thing("x")
--     support.expect_last(m, "GET", "/things/x", nil, { authorization = "Bearer tok" })
--   end)

local mock = require("assay.testing.mock")

local M = {}

--- Runs `fn(client, m)` with a mock server `m` answering `routes` and the client `make(m)`
-- gives; then closes the server, raises fn's error if it failed, checks that every request
-- found a route and passes each recorded request to `each`.
-- @param routes table the mock's routes
-- @param make function m → the client handed to fn
-- @param fn function (client, m) → nothing
-- @param each function|nil request → nothing, for the checks every request must pass
function M.with_mock(routes, make, fn, each)
  local m = mock.server(routes)
  local ok, err = pcall(function() return fn(make(m), m) end)
  local reqs, unmatched = m.requests, m:unmatched()
  m:close()
  if not ok then error(err, 0) end
  assert.eq(#unmatched, 0, "requests without a route: " .. (unmatched[1] and unmatched[1].method .. " " .. unmatched[1].path or ""))
  if each then
    for _, r in ipairs(reqs) do each(r) end
  end
end

--- Checks the latest request of a mock server: its method, path, query (default ""), the
-- given headers (lower-case names), and that no request went without a route.
-- @param m table the mock server
-- @param method string
-- @param path string
-- @param query string|nil
-- @param headers table|nil header name → expected value
-- @return table the request
function M.expect_last(m, method, path, query, headers)
  local req = m:last()
  assert.not_nil(req, "no request recorded")
  assert.eq(req.method, method)
  assert.eq(req.path, path)
  assert.eq(req.query, query or "")
  for name, value in pairs(headers or {}) do assert.eq(req.headers[name], value, name) end
  assert.eq(#m:unmatched(), 0)
  return req
end

--- Calls `fn(...)`, which must raise an error containing `needle` (plain text).
-- @param needle string
-- @param fn function
-- @return string the error message
function M.fails(needle, fn, ...)
  local ok, err = pcall(fn, ...)
  assert.eq(ok, false, "expected an error containing: " .. needle)
  assert.contains(tostring(err), needle)
  return tostring(err)
end

return M
