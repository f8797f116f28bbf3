-- Shared set-up of the assay.zitadel tests (loaded with dofile; not a test file itself): a mock
-- Zitadel with a token client on it, checks of the requests the client sent, and log capture.
local mock = require("assay.testing.mock")
local zitadel = require("assay.zitadel")

local S = { TOKEN = "access-t0ken", DOMAIN = "example.com", HOST = "auth.example.com" }

S.FIXTURES = (arg[0]:match("^(.*/)") or "") .. "fixtures/"

--- Runs fn(c, m) with a mock answering `routes` and a client on it (token auth); then checks
-- every request found a route and carried the Host override.
function S.with_zitadel(routes, fn)
  local m = mock.server(routes)
  local ok, err = pcall(fn, zitadel.client({ url = m.url .. "//", domain = S.DOMAIN, token = S.TOKEN }), m)
  local reqs, unmatched = m.requests, m:unmatched()
  m:close()
  if not ok then error(err, 0) end
  assert.eq(#unmatched, 0, "requests without a route: " .. (unmatched[1] and unmatched[1].method .. " " .. unmatched[1].path or ""))
  for _, r in ipairs(reqs) do assert.eq(r.headers.host, S.HOST, "Host header") end
end

--- Checks an API request: method, path, the auth and content-type headers, and the body
-- (`want.body` a string compared as is, or `want.json` compared after encoding; else empty).
function S.check(req, want)
  assert.not_nil(req, "no request recorded")
  assert.eq(req.method, want.method, "method")
  assert.eq(req.path, want.path, "path")
  assert.eq(req.query, "", "query")
  assert.eq(req.headers.authorization, "Bearer " .. S.TOKEN, "authorization")
  assert.eq(req.headers["content-type"], "application/json", "content-type")
  assert.eq(req.headers.host, S.HOST, "host")
  if want.json ~= nil then
    assert.eq(req.body, json.encode(want.json), "body")
  else
    assert.eq(req.body, want.body or "", "body")
  end
end

--- Calls fn(...) expecting an error whose message contains `needle`.
function S.fails(needle, fn, ...)
  local ok, err = pcall(fn, ...)
  assert.eq(ok, false, "expected an error containing: " .. needle)
  assert.contains(tostring(err), needle)
end

--- Runs fn() with log.info and log.warn recorded ("INFO msg" / "WARN msg"); returns the
-- lines and fn's results.
function S.logs(fn)
  local lines, info, warn = {}, log.info, log.warn
  log.info = function(msg) lines[#lines + 1] = "INFO " .. msg end
  log.warn = function(msg) lines[#lines + 1] = "WARN " .. msg end
  local res = table.pack(pcall(fn))
  log.info, log.warn = info, warn
  if not res[1] then error(res[2], 0) end
  return lines, table.unpack(res, 2, res.n)
end

return S
