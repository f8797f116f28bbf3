-- assay.zitadel: the client (required options, token, machine-key JWT exchange) and the
-- organisation's primary domain.
local S = dofile((arg[0]:match("^(.*/)") or "") .. "support.lua")
local mock = require("assay.testing.mock")
local zitadel = require("assay.zitadel")

local KEY = json.parse(fs.read(S.FIXTURES .. "machine_key.json"))

test("client requires url and domain", function()
  S.fails("zitadel.client: url required", zitadel.client, { domain = "example.com", token = "t" })
  S.fails("zitadel.client: domain required", zitadel.client, { url = "http://z", token = "t" })
  S.fails("zitadel.client: url required", zitadel.client)
end)

test("client requires one way to authenticate", function()
  S.fails("zitadel.client: one of machine_key, machine_key_file, or token required", zitadel.client, { url = "http://z", domain = "d" })
end)

test("client with a token: public fields, no request", function()
  local m = mock.server()
  local c = zitadel.client({ url = m.url .. "///", domain = "example.com", token = "tok" })
  assert.eq(c.url, m.url)
  assert.eq(c.domain, "example.com")
  assert.eq(c.host_header, "auth.example.com")
  assert.eq(c.access_token, "tok")
  assert.eq(#m.requests, 0)
  m:close()
end)

--- A mock token endpoint; returns the server.
local function token_server(answer)
  return mock.server({ ["POST /oauth/v2/token"] = answer or { json = { access_token = "jwt-access", token_type = "Bearer", expires_in = 43199 } } })
end

--- Checks the jwt-bearer exchange request and the assertion it carried.
local function check_exchange(req)
  assert.eq(req.method, "POST")
  assert.eq(req.query, "")
  assert.eq(req.headers["content-type"], "application/x-www-form-urlencoded")
  assert.eq(req.headers.host, "auth.example.com")
  assert.eq(req.headers.authorization, nil)
  local prefix = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"
    .. "&scope=openid+urn%3Azitadel%3Aiam%3Aorg%3Aproject%3Aid%3Azitadel%3Aaud&assertion="
  assert.eq(req.body:sub(1, #prefix), prefix)
  local jwt = req.body:sub(#prefix + 1)
  local v = crypto.jwt_verify(jwt, KEY.key, { audience = "https://auth.example.com", algorithms = { "RS256" } })
  assert.eq(v.header.alg, "RS256")
  assert.eq(v.header.kid, KEY.keyId)
  assert.eq(v.claims.iss, KEY.userId)
  assert.eq(v.claims.sub, KEY.userId)
  assert.eq(v.claims.aud, "https://auth.example.com")
  -- iat is time(), a float (as v0.4 sent it); exp = iat + 300
  assert.lt(math.abs(v.claims.exp - v.claims.iat - 300), 0.001)
  assert.lt(math.abs(v.claims.iat - time()), 10)
end

test("client with machine_key exchanges a signed JWT for an access token", function()
  local m = token_server()
  local c = zitadel.client({ url = m.url, domain = "example.com", machine_key = KEY })
  assert.eq(c.access_token, "jwt-access")
  assert.eq(m:count(), 1)
  check_exchange(m:last())
  m:close()
end)

test("client with machine_key_file reads Zitadel's key JSON", function()
  local m = token_server()
  local c = zitadel.client({ url = m.url, domain = "example.com", machine_key_file = S.FIXTURES .. "machine_key.json" })
  assert.eq(c.access_token, "jwt-access")
  check_exchange(m:last())
  m:close()
end)

test("the access token from the exchange is used on API calls", function()
  local m = token_server()
  m:on("GET /admin/v1/policies/login", { json = { policy = { allowUsernamePassword = true } } })
  local c = zitadel.client({ url = m.url, domain = "example.com", machine_key = KEY })
  c:get_login_policy()
  assert.eq(m:last().headers.authorization, "Bearer jwt-access")
  assert.eq(m:last().headers.host, "auth.example.com")
  m:close()
end)

test("a machine key missing a field is refused before any request", function()
  local m = token_server()
  for _, field in ipairs({ "userId", "key", "keyId" }) do
    local k = { userId = KEY.userId, key = KEY.key, keyId = KEY.keyId }
    k[field] = nil
    S.fails("zitadel: machine key missing " .. field, zitadel.client, { url = m.url, domain = "example.com", machine_key = k })
  end
  local path = fs.tempdir() .. "/key.json"
  fs.write(path, json.encode({ type = "serviceaccount", key = KEY.key, keyId = "1" }))
  S.fails("zitadel: machine key missing userId", zitadel.client, { url = m.url, domain = "example.com", machine_key_file = path })
  fs.remove(path)
  assert.eq(#m.requests, 0)
  m:close()
end)

test("a failed token exchange raises with status and body", function()
  local m = token_server({ status = 400, json = { error = "invalid_grant", error_description = "assertion invalid" } })
  S.fails('zitadel: token exchange failed (HTTP 400): {"error":"invalid_grant","error_description":"assertion invalid"}',
    zitadel.client, { url = m.url, domain = "example.com", machine_key = KEY })
  m:close()
end)

test("a token answer without access_token raises", function()
  local m = token_server({ json = { token_type = "Bearer" } })
  S.fails("zitadel: no access_token in token response", zitadel.client, { url = m.url, domain = "example.com", machine_key = KEY })
  m:close()
end)

-- ensure_primary_domain -------------------------------------------------------------------

local DOMAINS = "/admin/v1/orgs/me/domains"

test("ensure_primary_domain: already primary → true, one GET", function()
  S.with_zitadel({ ["GET " .. DOMAINS] = { json = { result = {
    { domainName = "zitadel.example.com", isVerified = true, isPrimary = false },
    { domainName = "example.com", isVerified = true, isPrimary = true },
  } } } }, function(c, m)
    local lines, r = S.logs(function() return c:ensure_primary_domain("example.com") end)
    assert.eq(r, true)
    assert.eq(#m.requests, 1)
    S.check(m:last(), { method = "GET", path = DOMAINS })
    assert.same(lines, { "INFO Org primary domain already set to example.com" })
  end)
end)

test("ensure_primary_domain adds the domain then sets it primary", function()
  S.with_zitadel({
    ["GET " .. DOMAINS] = { json = { result = { { domainName = "example.com", isPrimary = false } } } },
    ["POST " .. DOMAINS] = { json = { details = { sequence = "2" } } },
    ["POST " .. DOMAINS .. "/example.com/_set_primary"] = { json = { details = {} } },
  }, function(c, m)
    local lines, r = S.logs(function() return c:ensure_primary_domain("example.com") end)
    assert.eq(r, true)
    assert.eq(#m.requests, 3)
    S.check(m.requests[2], { method = "POST", path = DOMAINS, json = { domain = "example.com" } })
    S.check(m.requests[3], { method = "POST", path = DOMAINS .. "/example.com/_set_primary", body = "{}" })
    assert.same(lines, { "INFO Set org primary domain to example.com" })
  end)
end)

test("ensure_primary_domain: adding answered 409 is fine; no result list is fine", function()
  S.with_zitadel({
    ["GET " .. DOMAINS] = { json = { details = { totalResult = "0" } } },
    ["POST " .. DOMAINS] = { status = 409, json = { code = 6, message = "Domain already exists" } },
    ["POST " .. DOMAINS .. "/example.com/_set_primary"] = { json = {} },
  }, function(c)
    local _, r = S.logs(function() return c:ensure_primary_domain("example.com") end)
    assert.eq(r, true)
  end)
end)

test("ensure_primary_domain failures return false with a warning", function()
  S.with_zitadel({ ["GET " .. DOMAINS] = { status = 403, body = "denied" } }, function(c)
    local lines, r = S.logs(function() return c:ensure_primary_domain("example.com") end)
    assert.eq(r, false)
    assert.same(lines, { "WARN zitadel: could not list org domains (HTTP 403)" })
  end)
  S.with_zitadel({
    ["GET " .. DOMAINS] = { json = { result = {} } },
    ["POST " .. DOMAINS] = { status = 400, json = { message = "invalid domain" } },
  }, function(c, m)
    local lines, r = S.logs(function() return c:ensure_primary_domain("bad domain") end)
    assert.eq(r, false)
    assert.eq(#m.requests, 2)
    assert.same(lines, { "WARN zitadel: could not add domain (HTTP 400)" })
  end)
  S.with_zitadel({
    ["GET " .. DOMAINS] = { json = { result = {} } },
    ["POST " .. DOMAINS] = { json = {} },
    ["POST " .. DOMAINS .. "/example.com/_set_primary"] = { status = 412, json = { message = "domain not verified" } },
  }, function(c)
    local lines, r = S.logs(function() return c:ensure_primary_domain("example.com") end)
    assert.eq(r, false)
    assert.same(lines, { "WARN zitadel: could not set primary domain (HTTP 412)" })
  end)
end)
