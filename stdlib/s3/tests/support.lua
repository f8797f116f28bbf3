-- Shared set-up of the assay.s3 mock tests (loaded with dofile; not a test file itself): a
-- client on a mock server with a fixed clock, a server-side check of each request's
-- signature (recomputed from the request as received, the way S3 does), and S3's XML shapes.
local mock = require("assay.testing.mock")
local s3 = require("assay.s3")
local sigv4 = require("assay.s3.sigv4")

local S = {
  ACCESS = "AKIDEXAMPLE", SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  EPOCH = 1770984000, DATE = "20260213T120000Z",
}

local function unescape(s)
  return (s:gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end))
end

--- A client on `url` with the test credentials and clock; `opts` adds or replaces options.
function S.client(url, opts)
  local o = { endpoint = url, access_key = S.ACCESS, secret_key = S.SECRET, now = function() return S.EPOCH end }
  for k, v in pairs(opts or {}) do o[k] = v end
  return s3.client(o)
end

--- Runs fn(c, m) with a mock answering `routes` and a client on it; then checks that every
-- request found a route and carries a valid signature.
function S.with_s3(routes, fn, opts)
  local m = mock.server(routes)
  local ok, err = pcall(fn, S.client(m.url .. "/", opts), m)
  local reqs, unmatched = m.requests, m:unmatched()
  m:close()
  if not ok then error(err, 0) end
  assert.eq(#unmatched, 0, "requests without a route: " .. (unmatched[1] and unmatched[1].method .. " " .. unmatched[1].path or ""))
  for _, r in ipairs(reqs) do S.verify(r) end
end

--- Checks a received request's SigV4 Authorization as a server would: the credential scope,
-- the signed headers present, the payload hash of the body, and the signature recomputed
-- from the method, path, query and headers as they arrived.
function S.verify(req)
  local auth = assert(req.headers.authorization, "no Authorization header")
  local cred, signed, sig = auth:match("^AWS4%-HMAC%-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=(%x+)$")
  assert.not_nil(cred, "malformed Authorization: " .. auth)
  local access, date, region, service = cred:match("^([^/]+)/(%d+)/([^/]+)/([^/]+)/aws4_request$")
  assert.eq(access, S.ACCESS)
  assert.eq(date, S.DATE:sub(1, 8))
  assert.eq(service, "s3")
  assert.eq(req.headers["x-amz-date"], S.DATE)
  local headers = {}
  for name in signed:gmatch("[^;]+") do
    headers[name] = req.headers[name]
    assert.not_nil(headers[name], "signed header missing: " .. name)
  end
  assert.contains(";" .. signed .. ";", ";host;")
  local payload_hash = req.headers["x-amz-content-sha256"]
  if payload_hash ~= sigv4.UNSIGNED_PAYLOAD then assert.eq(crypto.hash(req.body, "sha256"), payload_hash, "payload hash") end
  local query = {}
  for pair in req.query:gmatch("[^&]+") do
    local k, v = pair:match("^([^=]*)=?(.*)$")
    query[unescape(k)] = unescape(v)
  end
  local s = sigv4.sign({
    method = req.method, path = unescape(req.path), query = query, headers = headers, payload_hash = payload_hash,
    datetime = req.headers["x-amz-date"], access_key = access, secret_key = S.SECRET, region = region, service = service,
  })
  assert.eq(s.signature, sig, "signature of " .. req.method .. " " .. req.path)
end

--- An S3 XML error response.
function S.error(status, code, message)
  return {
    status = status, headers = { ["content-type"] = "application/xml" },
    body = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>' .. code .. "</Code><Message>" .. message
      .. "</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>h</HostId></Error>",
  }
end

--- An XML response.
function S.xml(body, status)
  return { status = status or 200, headers = { ["content-type"] = "application/xml" }, body = '<?xml version="1.0" encoding="UTF-8"?>\n' .. body }
end

--- Calls fn(...) expecting an error whose message contains `needle`.
function S.fails(needle, fn, ...)
  local ok, err = pcall(fn, ...)
  assert.eq(ok, false, "expected an error containing: " .. needle)
  assert.contains(tostring(err), needle)
end

return S
