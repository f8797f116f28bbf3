-- Tests of assay.crossplane against a mock Kubernetes API serving Crossplane resources.
local mock = require("assay.testing.mock")
local support = require("assay.testing.support")
local crossplane = require("assay.crossplane")

local PKG = "/apis/pkg.crossplane.io/v1/"
local EXT = "/apis/apiextensions.crossplane.io/v1/"
local BUCKETS = "/apis/s3.aws.upbound.io/v1beta1/buckets"

local function cond(type, ok) return { type = type, status = ok and "True" or "False", reason = "R" } end

-- A resource with the given conditions ({type = bool, ...}, in a fixed order) and extra status.
local function resource(kind, name, conds, status)
  status = status or {}
  if conds then
    status.conditions = {}
    for _, t in ipairs({ "Installed", "Healthy", "Established", "Offered", "Synced", "Ready" }) do
      if conds[t] ~= nil then status.conditions[#status.conditions + 1] = cond(t, conds[t]) end
    end
  end
  return { apiVersion = "pkg.crossplane.io/v1", kind = kind, metadata = { name = name }, spec = {}, status = status }
end

local function list(kind, items) return { kind = kind .. "List", metadata = { resourceVersion = "5" }, items = items } end

local function setup(routes)
  local m = mock.server(routes)
  return m, crossplane.client(m.url .. "//", "tok")
end

local function expect_get(m, path)
  support.expect_last(m, "GET", path, nil, { authorization = "Bearer tok" })
end

-- Every list function: arguments, path.
local lists = {
  { "providers", {}, PKG .. "providers" },
  { "provider_revisions", {}, PKG .. "providerrevisions" },
  { "configurations", {}, PKG .. "configurations" },
  { "functions", {}, "/apis/pkg.crossplane.io/v1beta1/functions" },
  { "xrds", {}, EXT .. "compositeresourcedefinitions" },
  { "compositions", {}, EXT .. "compositions" },
  { "managed_resources", { "s3.aws.upbound.io", "v1beta1", "buckets" }, BUCKETS },
}
for _, l in ipairs(lists) do
  local fn, args, path = l[1], l[2], l[3]
  test(fn .. " returns the list object; {items = {}} on 404; raises otherwise", function()
    local body = list("X", { resource("X", "a", { Healthy = true }) })
    local m, c = setup({ ["GET " .. path] = { json = body } })
    assert.same(c[fn](c, table.unpack(args)), body)
    expect_get(m, path)
    m:on("GET " .. path, { status = 404, body = "" })
    assert.same(c[fn](c, table.unpack(args)), { items = {} })
    m:on("GET " .. path, { status = 503, body = "unavailable" })
    local ok, err = pcall(c[fn], c, table.unpack(args))
    assert.eq(ok, false)
    assert.contains(err, "crossplane: LIST " .. path .. " HTTP 503: unavailable")
  end)
end

-- Every item function: arguments, path.
local items = {
  { "provider", { "p" }, PKG .. "providers/p" },
  { "provider_revision", { "p" }, PKG .. "providerrevisions/p" },
  { "configuration", { "p" }, PKG .. "configurations/p" },
  { "xfunction", { "p" }, "/apis/pkg.crossplane.io/v1beta1/functions/p" },
  { "xrd", { "p" }, EXT .. "compositeresourcedefinitions/p" },
  { "composition", { "p" }, EXT .. "compositions/p" },
  { "managed_resource", { "s3.aws.upbound.io", "v1beta1", "buckets", "p" }, BUCKETS .. "/p" },
}
for _, it in ipairs(items) do
  local fn, args, path = it[1], it[2], it[3]
  test(fn .. " gets the resource; nil on 404; raises otherwise", function()
    local m, c = setup({ ["GET " .. path] = { json = resource("X", "p", {}) } })
    assert.eq(c[fn](c, table.unpack(args)).metadata.name, "p")
    expect_get(m, path)
    m:on("GET " .. path, { status = 404, json = { kind = "Status", code = 404 } })
    assert.eq(c[fn](c, table.unpack(args)), nil)
    m:on("GET " .. path, { status = 401, body = "Unauthorized" })
    local ok, err = pcall(c[fn], c, table.unpack(args))
    assert.eq(ok, false)
    assert.contains(err, "crossplane: GET " .. path .. " HTTP 401: Unauthorized")
  end)
end

-- Every check: arguments, path, the condition it reads.
local checks = {
  { "is_provider_healthy", { "p" }, PKG .. "providers/p", "Healthy" },
  { "is_provider_installed", { "p" }, PKG .. "providers/p", "Installed" },
  { "is_configuration_healthy", { "p" }, PKG .. "configurations/p", "Healthy" },
  { "is_configuration_installed", { "p" }, PKG .. "configurations/p", "Installed" },
  { "is_function_healthy", { "p" }, "/apis/pkg.crossplane.io/v1beta1/functions/p", "Healthy" },
  { "is_xrd_established", { "p" }, EXT .. "compositeresourcedefinitions/p", "Established" },
  { "is_managed_ready", { "s3.aws.upbound.io", "v1beta1", "buckets", "p" }, BUCKETS .. "/p", "Ready" },
}
for _, ch in ipairs(checks) do
  local fn, args, path, ctype = ch[1], ch[2], ch[3], ch[4]
  test(fn .. " reads the " .. ctype .. " condition; false when missing", function()
    local m, c = setup({ ["GET " .. path] = { json = resource("X", "p", { [ctype] = true }) } })
    assert.eq(c[fn](c, table.unpack(args)), true)
    expect_get(m, path)
    m:on("GET " .. path, { json = resource("X", "p", { [ctype] = false }) })
    assert.eq(c[fn](c, table.unpack(args)), false)
    m:on("GET " .. path, { json = resource("X", "p", { Synced = true }) })
    assert.eq(c[fn](c, table.unpack(args)), false)
    m:on("GET " .. path, { json = resource("X", "p") })
    assert.eq(c[fn](c, table.unpack(args)), false)
    m:on("GET " .. path, { status = 404, body = "" })
    assert.eq(c[fn](c, table.unpack(args)), false)
  end)
end

test("provider_status summarises a provider; a missing one raises", function()
  local p = resource("Provider", "provider-aws", { Installed = true, Healthy = false }, { currentRevision = "provider-aws-1a2b" })
  local m, c = setup({ ["GET " .. PKG .. "providers/provider-aws"] = { json = p } })
  assert.same(c:provider_status("provider-aws"), {
    installed = true, healthy = false, current_revision = "provider-aws-1a2b", conditions = p.status.conditions,
  })
  expect_get(m, PKG .. "providers/provider-aws")
  m:on("GET " .. PKG .. "providers/provider-aws", { json = resource("Provider", "provider-aws") })
  assert.same(c:provider_status("provider-aws"), { installed = false, healthy = false, conditions = {} })
  m:on("GET " .. PKG .. "providers/provider-aws", { status = 404, body = "" })
  local ok, err = pcall(c.provider_status, c, "provider-aws")
  assert.eq(ok, false)
  assert.contains(err, "crossplane: provider not found: provider-aws")
end)

test("all_providers_healthy counts providers by their Healthy condition", function()
  local nameless = resource("Provider", nil, { Healthy = false })
  nameless.metadata = nil
  local m, c = setup({
    ["GET " .. PKG .. "providers"] = { json = list("Provider", {
      resource("Provider", "aws", { Installed = true, Healthy = true }),
      resource("Provider", "gcp", { Installed = true, Healthy = false }),
      nameless,
    }) },
  })
  assert.same(c:all_providers_healthy(), { healthy = 1, unhealthy = 2, total = 3, unhealthy_names = { "gcp", "unknown" } })
  expect_get(m, PKG .. "providers")
  m:on("GET " .. PKG .. "providers", { status = 404, body = "" })
  assert.same(c:all_providers_healthy(), { healthy = 0, unhealthy = 0, total = 0, unhealthy_names = {} })
end)

test("all_xrds_established counts XRDs by their Established condition", function()
  local m, c = setup({
    ["GET " .. EXT .. "compositeresourcedefinitions"] = { json = list("CompositeResourceDefinition", {
      resource("CompositeResourceDefinition", "xdbs.example.org", { Established = true, Offered = true }),
      resource("CompositeResourceDefinition", "xnets.example.org", { Established = false }),
      resource("CompositeResourceDefinition", "xbad.example.org"),
    }) },
  })
  assert.same(c:all_xrds_established(), { established = 1, not_established = 2, total = 3 })
  expect_get(m, EXT .. "compositeresourcedefinitions")
end)

test("client strips trailing slashes; a client without a token cannot call", function()
  local c = crossplane.client("http://k8s.local//", "t")
  assert.eq(c.url, "http://k8s.local")
  assert.eq(c.token, "t")
  local nt = crossplane.client("http://127.0.0.1:1")
  local ok, err = pcall(nt.providers, nt)
  assert.eq(ok, false)
  assert.contains(err, "crossplane: the client has no token")
end)
