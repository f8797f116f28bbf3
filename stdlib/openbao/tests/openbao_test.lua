-- assay.openbao is assay.vault under OpenBao's name.
local mock = require("assay.testing.mock")

test("require('assay.openbao') is the same table as require('assay.vault')", function()
  assert.eq(require("assay.openbao"), require("assay.vault"))
end)

test("an openbao client reads KV v2 like a vault client", function()
  local bao = require("assay.openbao")
  local m = mock.server({ ["GET /v1/secret/data/test"] = { json = { data = { data = { key = "value" }, metadata = { version = 1 } } } } })
  local c = bao.client(m.url, "bao-token")
  assert.eq(c:kv_get("secret", "test").data.key, "value")
  local req = m:last()
  assert.eq(req.method, "GET")
  assert.eq(req.path, "/v1/secret/data/test")
  assert.eq(req.headers["x-vault-token"], "bao-token")
  m:close()
end)

test("an openbao client has the transit and pki methods", function()
  local c = require("assay.openbao").client("http://bao:8200", "t")
  assert.eq(c.transit_encrypt, require("assay.vault.transit").encrypt)
  assert.eq(c.pki_issue, require("assay.vault.pki").issue)
end)
