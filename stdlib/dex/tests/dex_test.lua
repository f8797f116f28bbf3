-- assay.dex against a mock Dex serving a discovery document and a JWKS made by `jose`
-- (fixtures/make_jwks.mjs wrote fixtures/jwks.json and the tokens in fixtures/tokens.json).
local mock = require("assay.testing.mock")
local support = require("assay.testing.support")
local dex = require("assay.dex")

local FIXTURES = (arg[0]:match("^(.*/)") or "") .. "fixtures/"
local JWKS = fs.read(FIXTURES .. "jwks.json")
local TOKENS = json.parse(fs.read(FIXTURES .. "tokens.json"))

--- A discovery document as Dex serves it, for the issuer `issuer`.
local function discovery(issuer, jwks_uri)
  return {
    issuer = issuer,
    authorization_endpoint = issuer .. "/auth",
    token_endpoint = issuer .. "/token",
    jwks_uri = jwks_uri or (issuer .. "/keys"),
    userinfo_endpoint = issuer .. "/userinfo",
    device_authorization_endpoint = issuer .. "/device/code",
    grant_types_supported = { "authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code" },
    response_types_supported = { "code" },
    subject_types_supported = { "public" },
    id_token_signing_alg_values_supported = { "RS256" },
    code_challenge_methods_supported = { "S256", "plain" },
    scopes_supported = { "openid", "email", "groups", "profile", "offline_access" },
    token_endpoint_auth_methods_supported = { "client_secret_basic", "client_secret_post" },
    claims_supported = { "iss", "sub", "aud", "iat", "exp", "email", "email_verified", "locale", "name", "preferred_username", "at_hash" },
  }
end

--- Runs fn(m) against a mock Dex whose issuer is its own URL; `doc` edits the discovery
-- document. Every request must have found a route and carried no Authorization header.
local function with_dex(routes, fn, doc)
  local function serve(m)
    m:on("GET /.well-known/openid-configuration", function()
      local d = discovery(m.url)
      if doc then d = doc(d, m) end
      return { json = d }
    end)
    m:on("GET /keys", { headers = { ["content-type"] = "application/json" }, body = JWKS })
    return m
  end
  support.with_mock(routes, serve, fn, function(r)
    assert.eq(r.method, "GET")
    assert.eq(r.headers.authorization, nil)
    assert.eq(r.body, "")
  end)
end

local fails = support.fails

test("discovery GETs /.well-known/openid-configuration (url slashes stripped)", function()
  with_dex({}, function(m)
    local d = dex.discovery(m.url .. "///")
    assert.eq(d.issuer, m.url)
    assert.eq(d.jwks_uri, m.url .. "/keys")
    assert.eq(m:last().path, "/.well-known/openid-configuration")
    assert.eq(m:last().query, "")
  end)
end)

test("discovery raises dex.discovery: HTTP <s>: <body>", function()
  local m = mock.server({ ["GET /.well-known/openid-configuration"] = { status = 503, body = "starting" } })
  fails("dex.discovery: HTTP 503: starting", dex.discovery, m.url)
  m:close()
end)

test("jwks follows jwks_uri and parses the jose-made key set", function()
  with_dex({}, function(m)
    local set = dex.jwks(m.url)
    assert.eq(#set.keys, 2)
    local rsa, ec = set.keys[1], set.keys[2]
    assert.eq(rsa.kty, "RSA")
    assert.eq(rsa.kid, "rsa-1")
    assert.eq(rsa.alg, "RS256")
    assert.eq(rsa.use, "sig")
    assert.eq(rsa.e, "AQAB")
    assert.eq(#rsa.n, 342, "a 2048-bit modulus in base64url")
    assert.eq(ec.kty, "EC")
    assert.eq(ec.crv, "P-256")
    assert.eq(ec.kid, "ec-1")
    assert.eq(#ec.x, 43)
    assert.eq(#ec.y, 43)
    assert.eq(m:count("GET /keys"), 1)
    assert.eq(m:count("GET /.well-known/openid-configuration"), 1)
  end)
end)

test("the fetched key set verifies Dex-style ID tokens (and rejects a forged one)", function()
  with_dex({}, function(m)
    local set = dex.jwks(m.url)
    local opts = { issuer = TOKENS.issuer, audience = TOKENS.audience, now = TOKENS.iat + 60 }
    local r = crypto.jwt_verify(TOKENS.rsa, set, opts)
    assert.eq(r.header.kid, "rsa-1")
    assert.eq(r.claims.sub, "alice")
    assert.eq(r.claims.email, "alice@example.com")
    r = crypto.jwt_verify(TOKENS.ec, set, opts)
    assert.eq(r.header.alg, "ES256")
    assert.eq(r.claims.sub, "bob")
    local ok, err = pcall(crypto.jwt_verify, TOKENS.forged, set, opts)
    assert.eq(ok, false)
    assert.contains(tostring(err), "InvalidSignature")
  end)
end)

test("jwks uses the absolute jwks_uri, even on another host", function()
  local keys = mock.server({ ["GET /dex/keys"] = { body = JWKS } })
  with_dex({}, function(m)
    assert.eq(dex.jwks(m.url).keys[1].kid, "rsa-1")
    assert.eq(keys:count("GET /dex/keys"), 1)
  end, function(d) d.jwks_uri = keys.url .. "/dex/keys"; return d end)
  keys:close()
end)

test("jwks without jwks_uri raises", function()
  with_dex({}, function(m)
    fails("dex.jwks: discovery response missing jwks_uri", dex.jwks, m.url)
  end, function(d) d.jwks_uri = nil; return d end)
end)

test("jwks raises dex.jwks: HTTP <s>: <body>", function()
  with_dex({ ["GET /gone"] = { status = 404, body = "404 page not found" } }, function(m)
    fails("dex.jwks: HTTP 404: 404 page not found", dex.jwks, m.url)
  end, function(d, m) d.jwks_uri = m.url .. "/gone"; return d end)
end)

test("jwks raises the discovery error", function()
  local m = mock.server({ ["GET /.well-known/openid-configuration"] = { status = 500, body = "x" } })
  fails("dex.discovery: HTTP 500: x", dex.jwks, m.url)
  m:close()
end)

test("a URL that is not a string raises", function()
  fails("dex: url must be a string", dex.discovery, nil)
  fails("dex: url must be a string", dex.health, 42)
end)

test("issuer returns the discovery issuer", function()
  with_dex({}, function(m)
    assert.eq(dex.issuer(m.url .. "/"), m.url)
  end)
end)

test("health and ready GET /healthz and compare the status to 200", function()
  local status = 200
  local m = mock.server({ ["GET /healthz"] = function() return { status = status, body = "Health check passed" } end })
  assert.eq(dex.health(m.url .. "/"), true)
  assert.eq(dex.ready(m.url), true)
  status = 503
  assert.eq(dex.health(m.url), false)
  assert.eq(dex.ready(m.url), false)
  assert.eq(m:count("GET /healthz"), 4)
  assert.eq(m:last().headers.authorization, nil)
  m:close()
end)

test("has_endpoint checks a field of the discovery document", function()
  with_dex({}, function(m)
    assert.eq(dex.has_endpoint(m.url, "userinfo_endpoint"), true)
    assert.eq(dex.has_endpoint(m.url, "end_session_endpoint"), false)
  end)
end)

test("supported_* return the discovery lists or {}", function()
  with_dex({}, function(m)
    assert.same(dex.supported_scopes(m.url), { "openid", "email", "groups", "profile", "offline_access" })
    assert.same(dex.supported_response_types(m.url), { "code" })
    assert.eq(dex.supported_grant_types(m.url)[2], "refresh_token")
  end)
  with_dex({}, function(m)
    assert.same(dex.supported_scopes(m.url), {})
    assert.same(dex.supported_response_types(m.url), {})
    assert.same(dex.supported_grant_types(m.url), {})
  end, function(d)
    d.scopes_supported, d.response_types_supported, d.grant_types_supported = nil, nil, nil
    return d
  end)
end)

test("supports_scope and supports_grant_type", function()
  with_dex({}, function(m)
    assert.eq(dex.supports_scope(m.url, "groups"), true)
    assert.eq(dex.supports_scope(m.url, "admin"), false)
    assert.eq(dex.supports_grant_type(m.url, "refresh_token"), true)
    assert.eq(dex.supports_grant_type(m.url, "password"), false)
  end)
end)

test("validate_config: a good configuration", function()
  with_dex({}, function(m)
    assert.same(dex.validate_config(m.url .. "//"), { ok = true, errors = {} })
  end)
end)

test("validate_config lists the problems in order", function()
  with_dex({}, function(m)
    local r = dex.validate_config(m.url)
    assert.eq(r.ok, false)
    assert.same(r.errors, {
      "issuer mismatch: expected " .. m.url .. ", got https://dex.example.com/dex",
      "missing token_endpoint", "missing jwks_uri",
    })
  end, function(d)
    d.issuer, d.token_endpoint, d.jwks_uri = "https://dex.example.com/dex", nil, nil
    return d
  end)
  with_dex({}, function(m)
    assert.same(dex.validate_config(m.url).errors, { "missing issuer", "missing authorization_endpoint" })
  end, function(d) d.issuer, d.authorization_endpoint = nil, nil; return d end)
end)

test("validate_config reports a failed discovery", function()
  local m = mock.server({ ["GET /.well-known/openid-configuration"] = { status = 502, body = "bad gateway" } })
  local r = dex.validate_config(m.url)
  m:close()
  assert.eq(r.ok, false)
  assert.eq(#r.errors, 1)
  assert.matches(r.errors[1], "^discovery failed: .*dex%.discovery: HTTP 502: bad gateway")
end)

test("admin_version GETs /api/v1/version; nil on any failure", function()
  local m = mock.server({ ["GET /api/v1/version"] = { json = { server = "v2.41.1", api = 2 } } })
  local v = dex.admin_version(m.url .. "/")
  assert.eq(v.server, "v2.41.1")
  assert.eq(v.api, 2)
  assert.eq(m:last().path, "/api/v1/version")
  m:on("GET /api/v1/version", { status = 404, body = "not found" })
  assert.eq(dex.admin_version(m.url), nil)
  m:on("GET /api/v1/version", { body = "not json" })
  assert.eq(dex.admin_version(m.url), nil)
  m:close()
  assert.eq(dex.admin_version(m.url), nil, "connection refused")
end)
