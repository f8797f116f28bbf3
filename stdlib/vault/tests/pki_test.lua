-- assay.vault.pki, and the client's pki_* methods that delegate to it.
local S = dofile((arg[0]:match("^(.*/)") or "") .. "support.lua")
local pki = require("assay.vault.pki")
local vault = require("assay.vault")

local CERT = "-----BEGIN CERTIFICATE-----\nMIIDcert\n-----END CERTIFICATE-----"
local CA = "-----BEGIN CERTIFICATE-----\nMIIDca\n-----END CERTIFICATE-----"
local ISSUED = {
  lease_id = "", renewable = false, lease_duration = 0,
  data = {
    certificate = CERT, issuing_ca = CA, ca_chain = { CA },
    private_key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEkey\n-----END RSA PRIVATE KEY-----",
    private_key_type = "rsa", serial_number = "39:dd:2e:90", expiration = 1770999999,
  },
}

test("require('assay.vault.pki') gives the functions behind the client's methods", function()
  local c = vault.client("http://vault:8200", "t")
  assert.eq(c.pki_issue, pki.issue)
  assert.eq(c.pki_sign, pki.sign)
  assert.eq(c.pki_ca_cert, pki.ca_cert)
  assert.eq(c.pki_create_role, pki.create_role)
end)

test("pki_issue POSTs opts to /v1/<mount>/issue/<role> and returns data", function()
  S.with_vault({ ["POST /v1/pki_int/issue/web"] = { json = ISSUED } }, function(c, m)
    local cert = c:pki_issue("pki_int", "web", { common_name = "app.example.com", ttl = "24h", alt_names = "www.example.com" })
    assert.eq(cert.certificate, CERT)
    assert.eq(cert.ca_chain[1], CA)
    assert.eq(cert.private_key_type, "rsa")
    assert.eq(cert.serial_number, "39:dd:2e:90")
    S.check(m:last(), { method = "POST", path = "/v1/pki_int/issue/web",
      json = { alt_names = "www.example.com", common_name = "app.example.com", ttl = "24h" } })
  end)
end)

test("pki.issue(c, ...) without opts sends {}; nil on 204; raises on 400", function()
  local resp = { json = ISSUED }
  S.with_vault({ ["POST /v1/pki/issue/web"] = function() return resp end }, function(c, m)
    assert.eq(pki.issue(c, "pki", "web").issuing_ca, CA)
    S.check(m:last(), { method = "POST", path = "/v1/pki/issue/web", json = {} })
    resp = { status = 204 }
    assert.eq(c:pki_issue("pki", "web"), nil)
    resp = S.errors(400, "common name app.other.com not allowed by this role")
    S.fails('vault: POST /v1/pki/issue/web HTTP 400: {"errors":["common name app.other.com not allowed by this role"]}',
      c.pki_issue, c, "pki", "web", { common_name = "app.other.com" })
  end)
end)

test("pki_sign POSTs the CSR with opts to /v1/<mount>/sign/<role> and returns data", function()
  local csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIcsr\n-----END CERTIFICATE REQUEST-----"
  local signed = { data = { certificate = CERT, issuing_ca = CA, ca_chain = { CA }, serial_number = "01:02", expiration = 1770999999 } }
  local resp = { json = signed }
  S.with_vault({ ["POST /v1/pki/sign/web"] = function() return resp end }, function(c, m)
    local r = c:pki_sign("pki", "web", csr, { common_name = "app.example.com", ttl = "1h" })
    assert.eq(r.certificate, CERT)
    assert.eq(r.serial_number, "01:02")
    S.check(m:last(), { method = "POST", path = "/v1/pki/sign/web", json = { common_name = "app.example.com", csr = csr, ttl = "1h" } })
    assert.eq(pki.sign(c, "pki", "web", csr).certificate, CERT)
    S.check(m:last(), { method = "POST", path = "/v1/pki/sign/web", json = { csr = csr } })
    resp = S.errors(400, "csr contains no data")
    S.fails("vault: POST /v1/pki/sign/web HTTP 400", c.pki_sign, c, "pki", "web", "")
  end)
end)

test("pki_ca_cert GETs /v1/pki/ca/pem without the token and returns the PEM text", function()
  S.with_vault({ ["GET /v1/pki/ca/pem"] = { body = CA .. "\n", headers = { ["content-type"] = "application/pem-certificate-chain" } } }, function(c, m)
    assert.eq(c:pki_ca_cert(), CA .. "\n")
    S.check(m:last(), { method = "GET", path = "/v1/pki/ca/pem", token = false })
  end)
end)

test("pki_ca_cert with a mount; a non-200 status raises without the body", function()
  S.with_vault({ ["GET /v1/pki_int/ca/pem"] = { body = CA }, ["GET /v1/none/ca/pem"] = S.errors(404) }, function(c, m)
    assert.eq(pki.ca_cert(c, "pki_int"), CA)
    S.check(m:last(), { method = "GET", path = "/v1/pki_int/ca/pem", token = false })
    local err = S.fails("vault: pki ca cert HTTP 404", c.pki_ca_cert, c, "none")
    assert.eq(err:find("errors", 1, true), nil)
  end)
end)

test("pki_create_role POSTs opts (default {}) to /v1/<mount>/roles/<role>", function()
  local resp = { status = 204 }
  S.with_vault({ ["POST /v1/pki/roles/:role"] = function() return resp end }, function(c, m)
    local opts = { allowed_domains = "example.com", allow_subdomains = true, max_ttl = "72h" }
    assert.eq(c:pki_create_role("pki", "web", opts), nil)
    S.check(m:last(), { method = "POST", path = "/v1/pki/roles/web", json = opts })
    pki.create_role(c, "pki", "bare")
    S.check(m:last(), { method = "POST", path = "/v1/pki/roles/bare", json = {} })
    resp = { json = { data = { allowed_domains = { "example.com" } } } }
    assert.eq(c:pki_create_role("pki", "web", opts).data.allowed_domains[1], "example.com")
    resp = S.errors(400, "x")
    S.fails("vault: POST /v1/pki/roles/web HTTP 400", c.pki_create_role, c, "pki", "web", opts)
  end)
end)
