-- assay.vault.transit, and the client's transit_* methods that delegate to it.
local S = dofile((arg[0]:match("^(.*/)") or "") .. "support.lua")
local transit = require("assay.vault.transit")
local vault = require("assay.vault")

test("require('assay.vault.transit') gives the functions behind the client's methods", function()
  local c = vault.client("http://vault:8200", "t")
  assert.eq(c.transit_encrypt, transit.encrypt)
  assert.eq(c.transit_decrypt, transit.decrypt)
  assert.eq(c.transit_create_key, transit.create_key)
  assert.eq(c.transit_list_keys, transit.list_keys)
end)

test("transit_encrypt POSTs the plaintext base64-encoded and returns the ciphertext", function()
  S.with_vault({ ["POST /v1/transit/encrypt/app"] = function(req)
    return { json = { data = { ciphertext = "vault:v1:" .. req.json.plaintext, key_version = 1 } } }
  end }, function(c, m)
    assert.eq(c:transit_encrypt("app", "hello world"), "vault:v1:aGVsbG8gd29ybGQ=")
    S.check(m:last(), { method = "POST", path = "/v1/transit/encrypt/app", json = { plaintext = "aGVsbG8gd29ybGQ=" } })
  end)
end)

test("transit.encrypt(c, ...) works on its own", function()
  S.with_vault({ ["POST /v1/transit/encrypt/k"] = { json = { data = { ciphertext = "vault:v1:xyz" } } } }, function(c, m)
    assert.eq(transit.encrypt(c, "k", "x"), "vault:v1:xyz")
    S.check(m:last(), { method = "POST", path = "/v1/transit/encrypt/k", json = { plaintext = "eA==" } })
  end)
end)

test("transit_encrypt returns nil without a ciphertext (204, no data) and raises on 400", function()
  local resp = { status = 204 }
  S.with_vault({ ["POST /v1/transit/encrypt/app"] = function() return resp end }, function(c)
    assert.eq(c:transit_encrypt("app", "x"), nil)
    resp = { json = { warnings = json.array({}) } }
    assert.eq(c:transit_encrypt("app", "x"), nil)
    resp = S.errors(400, "encryption key not found")
    S.fails('vault: POST /v1/transit/encrypt/app HTTP 400: {"errors":["encryption key not found"]}', c.transit_encrypt, c, "app", "x")
  end)
end)

test("transit_decrypt POSTs {ciphertext} and returns the base64-decoded plaintext", function()
  S.with_vault({ ["POST /v1/transit/decrypt/app"] = { json = { data = { plaintext = "aGVsbG8gd29ybGQ=" } } } }, function(c, m)
    assert.eq(c:transit_decrypt("app", "vault:v1:abc"), "hello world")
    S.check(m:last(), { method = "POST", path = "/v1/transit/decrypt/app", json = { ciphertext = "vault:v1:abc" } })
  end)
end)

test("transit_decrypt returns nil without a plaintext and raises on 400", function()
  local resp = { json = { data = {} } }
  S.with_vault({ ["POST /v1/transit/decrypt/app"] = function() return resp end }, function(c)
    assert.eq(c:transit_decrypt("app", "vault:v1:abc"), nil)
    resp = { status = 204 }
    assert.eq(c:transit_decrypt("app", "vault:v1:abc"), nil)
    resp = S.errors(400, "invalid ciphertext")
    S.fails("vault: POST /v1/transit/decrypt/app HTTP 400", c.transit_decrypt, c, "app", "garbage")
  end)
end)

test("transit_create_key POSTs opts (default {}) to /v1/transit/keys/<key>", function()
  S.with_vault({ ["POST /v1/transit/keys/:key"] = { status = 204 } }, function(c, m)
    assert.eq(c:transit_create_key("app", { type = "rsa-2048", exportable = true }), nil)
    S.check(m:last(), { method = "POST", path = "/v1/transit/keys/app", json = { exportable = true, type = "rsa-2048" } })
    c:transit_create_key("other")
    S.check(m:last(), { method = "POST", path = "/v1/transit/keys/other", json = {} })
    assert.eq(m:last().body, "{}")
  end)
end)

test("transit_create_key returns the JSON on 200 and raises on 400", function()
  local resp = { json = { data = { name = "app", type = "aes256-gcm96" } } }
  S.with_vault({ ["POST /v1/transit/keys/app"] = function() return resp end }, function(c)
    assert.eq(c:transit_create_key("app").data.type, "aes256-gcm96")
    resp = S.errors(400, "x")
    S.fails("vault: POST /v1/transit/keys/app HTTP 400", c.transit_create_key, c, "app")
  end)
end)

test("transit_list_keys LISTs /v1/transit/keys; {} on 404; raises on 500", function()
  local resp = { json = { data = { keys = { "app", "backup" } } } }
  S.with_vault({ ["GET /v1/transit/keys"] = function() return resp end }, function(c, m)
    assert.same(c:transit_list_keys(), { "app", "backup" })
    S.check(m:last(), { method = "GET", path = "/v1/transit/keys", query = "list=true" })
    resp = S.errors(404)
    assert.same(c:transit_list_keys(), {})
    resp = S.errors(500, "x")
    S.fails("vault: LIST /v1/transit/keys HTTP 500", c.transit_list_keys, c)
  end)
end)

test("encrypt then decrypt round-trips bytes through a transit-like mock", function()
  S.with_vault({
    ["POST /v1/transit/encrypt/app"] = function(req) return { json = { data = { ciphertext = "vault:v1:" .. req.json.plaintext } } } end,
    ["POST /v1/transit/decrypt/app"] = function(req) return { json = { data = { plaintext = req.json.ciphertext:sub(10) } } } end,
  }, function(c)
    local secret = "pässwörd\n{\"x\": 1}"
    assert.eq(c:transit_decrypt("app", c:transit_encrypt("app", secret)), secret)
  end)
end)
