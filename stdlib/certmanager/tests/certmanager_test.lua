-- Tests of assay.certmanager against a mock Kubernetes API serving cert-manager resources.
local mock = require("assay.testing.mock")
local support = require("assay.testing.support")
local certmanager = require("assay.certmanager")

local CM = "/apis/cert-manager.io/v1/namespaces/web/"
local ACME = "/apis/acme.cert-manager.io/v1/namespaces/web/"

-- A resource whose condition `ctype` (default "Ready") is True/False, or absent when nil.
local function resource(kind, name, ok, ctype, status)
  status = status or {}
  if ok ~= nil then
    status.conditions = { { type = ctype or "Ready", status = ok and "True" or "False", reason = "R", message = "m" } }
  end
  return { apiVersion = "cert-manager.io/v1", kind = kind, metadata = { name = name, namespace = "web" }, spec = {}, status = status }
end

local function list(kind, items)
  return { apiVersion = "cert-manager.io/v1", kind = kind .. "List", metadata = { resourceVersion = "3" }, items = items }
end

local function setup(routes)
  local m = mock.server(routes)
  return m, certmanager.client(m.url .. "/", "tok")
end

local function expect_get(m, path)
  support.expect_last(m, "GET", path, nil, { authorization = "Bearer tok" })
end

-- A server answering certificate "web-tls" with the next of `answers` (the last repeats).
local function polling(answers)
  local n = 0
  return setup({
    ["GET " .. CM .. "certificates/web-tls"] = function()
      n = n + 1
      return answers[math.min(n, #answers)]
    end,
  })
end

-- Every list function: arguments, path.
local lists = {
  { "certificates", { "web" }, CM .. "certificates" },
  { "issuers", { "web" }, CM .. "issuers" },
  { "cluster_issuers", {}, "/apis/cert-manager.io/v1/clusterissuers" },
  { "certificate_requests", { "web" }, CM .. "certificaterequests" },
  { "orders", { "web" }, ACME .. "orders" },
  { "challenges", { "web" }, ACME .. "challenges" },
}
for _, l in ipairs(lists) do
  local fn, args, path = l[1], l[2], l[3]
  test(fn .. " returns the list object; {items = {}} on 404; raises otherwise", function()
    local body = list("X", { resource("X", "a", true) })
    local m, c = setup({ ["GET " .. path] = { json = body } })
    assert.same(c[fn](c, table.unpack(args)), body)
    expect_get(m, path)
    m:on("GET " .. path, { status = 404, body = "" })
    assert.same(c[fn](c, table.unpack(args)), { items = {} })
    m:on("GET " .. path, { status = 403, body = "forbidden" })
    local ok, err = pcall(c[fn], c, table.unpack(args))
    assert.eq(ok, false)
    assert.contains(err, "certmanager: LIST " .. path .. " HTTP 403: forbidden")
  end)
end

-- Every item function: arguments, path; with its check (if any) and the condition it reads.
local items = {
  { "certificate", { "web", "n" }, CM .. "certificates/n", "is_certificate_ready", "Ready" },
  { "issuer", { "web", "n" }, CM .. "issuers/n", "is_issuer_ready", "Ready" },
  { "cluster_issuer", { "n" }, "/apis/cert-manager.io/v1/clusterissuers/n", "is_cluster_issuer_ready", "Ready" },
  { "certificate_request", { "web", "n" }, CM .. "certificaterequests/n", "is_request_approved", "Approved" },
  { "order", { "web", "n" }, ACME .. "orders/n" },
  { "challenge", { "web", "n" }, ACME .. "challenges/n" },
}
for _, it in ipairs(items) do
  local fn, args, path, check, ctype = it[1], it[2], it[3], it[4], it[5]
  test(fn .. " gets the resource; nil on 404; raises otherwise", function()
    local m, c = setup({ ["GET " .. path] = { json = resource("X", "n", true) } })
    assert.eq(c[fn](c, table.unpack(args)).metadata.name, "n")
    expect_get(m, path)
    m:on("GET " .. path, { status = 404, json = { kind = "Status", code = 404 } })
    assert.eq(c[fn](c, table.unpack(args)), nil)
    m:on("GET " .. path, { status = 500, body = "etcd down" })
    local ok, err = pcall(c[fn], c, table.unpack(args))
    assert.eq(ok, false)
    assert.contains(err, "certmanager: GET " .. path .. " HTTP 500: etcd down")
  end)
  if check then
    test(check .. " reads the " .. ctype .. " condition; false when missing", function()
      local m, c = setup({ ["GET " .. path] = { json = resource("X", "n", true, ctype) } })
      assert.eq(c[check](c, table.unpack(args)), true)
      expect_get(m, path)
      m:on("GET " .. path, { json = resource("X", "n", false, ctype) })
      assert.eq(c[check](c, table.unpack(args)), false)
      m:on("GET " .. path, { json = resource("X", "n", true, "Other") })
      assert.eq(c[check](c, table.unpack(args)), false)
      m:on("GET " .. path, { status = 404, body = "" })
      assert.eq(c[check](c, table.unpack(args)), false)
    end)
  end
end

test("certificate_status summarises the status; nil on 404", function()
  local cert = resource("Certificate", "web-tls", true, "Ready", {
    notAfter = "2025-01-01T00:00:00Z", notBefore = "2024-10-03T00:00:00Z", renewalTime = "2024-12-02T00:00:00Z", revision = 3,
  })
  local m, c = setup({ ["GET " .. CM .. "certificates/web-tls"] = { json = cert } })
  assert.same(c:certificate_status("web", "web-tls"), {
    ready = true, not_after = "2025-01-01T00:00:00Z", not_before = "2024-10-03T00:00:00Z",
    renewal_time = "2024-12-02T00:00:00Z", revision = 3, conditions = cert.status.conditions,
  })
  expect_get(m, CM .. "certificates/web-tls")
  m:on("GET " .. CM .. "certificates/web-tls", { json = resource("Certificate", "web-tls") })
  assert.same(c:certificate_status("web", "web-tls"), { ready = false, conditions = {} })
  m:on("GET " .. CM .. "certificates/web-tls", { status = 404, body = "" })
  assert.eq(c:certificate_status("web", "web-tls"), nil)
end)

test("wait_certificate_ready polls until ready (404 counts as not ready)", function()
  local m, c = polling({
    { status = 404, body = "" },
    { json = resource("Certificate", "web-tls", false) },
    { json = resource("Certificate", "web-tls", true) },
  })
  assert.eq(c:wait_certificate_ready("web", "web-tls", 5, { interval = 0.01 }), true)
  assert.eq(m:count(), 3)
end)

test("wait_certificate_ready times out", function()
  local m, c = polling({ { json = resource("Certificate", "web-tls", false) } })
  local ok, err = pcall(c.wait_certificate_ready, c, "web", "web-tls", 0.05, { interval = 0.01 })
  assert.eq(ok, false)
  assert.contains(err, "certmanager: timeout waiting for certificate web/web-tls to be ready")
  assert.gt(m:count(), 0)
end)

test("wait_certificate_ready raises HTTP errors at once", function()
  local m, c = polling({ { status = 401, body = "Unauthorized" } })
  local ok, err = pcall(c.wait_certificate_ready, c, "web", "web-tls", 5, { interval = 0.01 })
  assert.eq(ok, false)
  assert.contains(err, "certmanager: GET " .. CM .. "certificates/web-tls HTTP 401: Unauthorized")
  assert.eq(m:count(), 1)
end)

test("all_certificates_ready and all_issuers_ready", function()
  local nameless = resource("Certificate", nil, false)
  nameless.metadata = nil
  local m, c = setup({
    ["GET " .. CM .. "certificates"] = { json = list("Certificate", { resource("Certificate", "a", true), resource("Certificate", "b", false), nameless }) },
    ["GET " .. CM .. "issuers"] = { json = list("Issuer", { resource("Issuer", "le", true) }) },
  })
  assert.same(c:all_certificates_ready("web"), { ready = 1, not_ready = 2, total = 3, not_ready_names = { "b", "unknown" } })
  expect_get(m, CM .. "certificates")
  assert.same(c:all_issuers_ready("web"), { ready = 1, not_ready = 0, total = 1, not_ready_names = {} })
  expect_get(m, CM .. "issuers")
  m:on("GET " .. CM .. "issuers", { status = 404, body = "" })
  assert.same(c:all_issuers_ready("web"), { ready = 0, not_ready = 0, total = 0, not_ready_names = {} })
end)

test("client strips trailing slashes; a client without a token cannot call", function()
  local c = certmanager.client("http://k8s.local//", "t")
  assert.eq(c.url, "http://k8s.local")
  assert.eq(c.token, "t")
  local nt = certmanager.client("http://127.0.0.1:1")
  local ok, err = pcall(nt.certificates, nt, "web")
  assert.eq(ok, false)
  assert.contains(err, "certmanager: the client has no token")
end)
