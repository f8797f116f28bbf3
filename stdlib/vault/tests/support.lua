-- Shared set-up of the assay.vault tests (loaded with dofile; not a test file itself):
-- a mock Vault with a client on it, a check of the request the client sent, and helpers
-- for expected errors and log lines.
local mock = require("assay.testing.mock")
local vault = require("assay.vault")

local S = { TOKEN = "s.t0ken" }

--- Runs fn(c, m) with a mock server answering `routes` and a client on it (its url given with
-- a trailing slash, token S.TOKEN); then checks that every request found a route.
function S.with_vault(routes, fn)
  local m = mock.server(routes)
  local ok, err = pcall(fn, vault.client(m.url .. "//", S.TOKEN), m)
  local unmatched = m:unmatched()
  m:close()
  if not ok then error(err, 0) end
  assert.eq(#unmatched, 0, "requests without a route: " .. (unmatched[1] and unmatched[1].method .. " " .. unmatched[1].path or ""))
end

--- Checks a recorded request. want: method, path, query (default ""), token (default S.TOKEN;
-- false = no X-Vault-Token header), json (the body must be exactly json.encode(want.json),
-- with content-type application/json) or no body when want.json is nil.
function S.check(req, want)
  assert.not_nil(req, "no request recorded")
  assert.eq(req.method, want.method, "method")
  assert.eq(req.path, want.path, "path")
  assert.eq(req.query, want.query or "", "query")
  local token = want.token
  if token == nil then token = S.TOKEN elseif token == false then token = nil end
  assert.eq(req.headers["x-vault-token"], token, "X-Vault-Token")
  if want.json == nil then
    assert.eq(req.body, "", "body")
  else
    assert.eq(req.body, json.encode(want.json), "body")
    assert.eq(req.headers["content-type"], "application/json", "content-type")
  end
end

--- Calls fn(...) expecting an error whose message contains `needle`; returns the message.
S.fails = require("assay.testing.support").fails

--- Runs fn() with log.info recording its messages; returns them.
function S.logs(fn)
  local lines, info = {}, log.info
  log.info = function(msg) lines[#lines + 1] = msg end
  local ok, err = pcall(fn)
  log.info = info
  if not ok then error(err, 0) end
  return lines
end

--- A URL where nothing listens (a mock server, closed).
function S.dead_url()
  local m = mock.server()
  m:close()
  return m.url
end

--- A Vault error response.
function S.errors(status, ...)
  return { status = status, json = { errors = json.array({ ... }) } }
end

return S
