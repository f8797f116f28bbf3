-- Tests of assay.flux against a mock Kubernetes API serving Flux resources.
local mock = require("assay.testing.mock")
local support = require("assay.testing.support")
local flux = require("assay.flux")

local SOURCE = "/apis/source.toolkit.fluxcd.io/v1/namespaces/flux-system/"
local KS = "/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations"
local HR = "/apis/helm.toolkit.fluxcd.io/v2/namespaces/flux-system/helmreleases"

local function resource(kind, name, ready, status)
  status = status or {}
  if ready ~= nil then
    status.conditions = {
      { type = "Reconciling", status = "False" },
      { type = "Ready", status = ready and "True" or "False", reason = ready and "Succeeded" or "Failed" },
    }
  end
  return { kind = kind, metadata = { name = name, namespace = "flux-system" }, spec = { interval = "1m" }, status = status }
end

local function list(kind, items)
  return { apiVersion = "v1", kind = kind .. "List", metadata = { resourceVersion = "9" }, items = items }
end

local function setup(routes)
  local m = mock.server(routes)
  return m, flux.client(m.url .. "//", "tok")
end

-- Checks that the latest request was a GET of path with the token, and nothing went unmatched.
local function expect_get(m, path)
  support.expect_last(m, "GET", path, nil, { authorization = "Bearer tok" })
end

-- Every list function: its path; it returns the whole list object.
local lists = {
  { "git_repositories", SOURCE .. "gitrepositories" },
  { "helm_repositories", SOURCE .. "helmrepositories" },
  { "helm_charts", SOURCE .. "helmcharts" },
  { "oci_repositories", "/apis/source.toolkit.fluxcd.io/v1beta2/namespaces/flux-system/ocirepositories" },
  { "kustomizations", KS },
  { "helm_releases", HR },
  { "alerts", "/apis/notification.toolkit.fluxcd.io/v1beta3/namespaces/flux-system/alerts" },
  { "providers_list", "/apis/notification.toolkit.fluxcd.io/v1beta3/namespaces/flux-system/providers" },
  { "receivers", "/apis/notification.toolkit.fluxcd.io/v1/namespaces/flux-system/receivers" },
  { "image_policies", "/apis/image.toolkit.fluxcd.io/v1beta2/namespaces/flux-system/imagepolicies" },
}
for _, l in ipairs(lists) do
  local fn, path = l[1], l[2]
  test(fn .. " returns the list object", function()
    local body = list("X", { resource("X", "a", true), resource("X", "b", false) })
    local m, c = setup({ ["GET " .. path] = { json = body } })
    assert.same(c[fn](c, "flux-system"), body)
    expect_get(m, path)
  end)
  test(fn .. " raises on a non-200 answer, 404 included", function()
    local m, c = setup({ ["GET " .. path] = { status = 404, body = "no such kind" } })
    local ok, err = pcall(c[fn], c, "flux-system")
    assert.eq(ok, false)
    assert.contains(err, "flux: LIST " .. path .. " HTTP 404: no such kind")
  end)
end

-- Every item function with its readiness check: path; 404 → nil / false.
local items = {
  { "git_repository", "is_git_repo_ready", SOURCE .. "gitrepositories/app" },
  { "helm_repository", "is_helm_repo_ready", SOURCE .. "helmrepositories/app" },
  { "kustomization", "is_kustomization_ready", KS .. "/app" },
  { "helm_release", "is_helm_release_ready", HR .. "/app" },
}
for _, it in ipairs(items) do
  local get, ready, path = it[1], it[2], it[3]
  test(get .. " gets the resource, nil on 404", function()
    local m, c = setup({ ["GET " .. path] = { json = resource("X", "app", true) } })
    assert.eq(c[get](c, "flux-system", "app").metadata.name, "app")
    expect_get(m, path)
    m:on("GET " .. path, { status = 404, json = { kind = "Status", reason = "NotFound" } })
    assert.eq(c[get](c, "flux-system", "app"), nil)
  end)
  test(ready .. " reads the Ready condition; false when missing", function()
    local m, c = setup({ ["GET " .. path] = { json = resource("X", "app", true) } })
    assert.eq(c[ready](c, "flux-system", "app"), true)
    expect_get(m, path)
    m:on("GET " .. path, { json = resource("X", "app", false) })
    assert.eq(c[ready](c, "flux-system", "app"), false)
    m:on("GET " .. path, { json = resource("X", "app", nil) })
    assert.eq(c[ready](c, "flux-system", "app"), false)
    m:on("GET " .. path, { status = 404, body = "" })
    assert.eq(c[ready](c, "flux-system", "app"), false)
  end)
end

test("the first Ready condition decides", function()
  local r = resource("Kustomization", "app", nil, { conditions = { { type = "Ready", status = "False" }, { type = "Ready", status = "True" } } })
  local m, c = setup({ ["GET " .. KS .. "/app"] = { json = r } })
  assert.eq(c:is_kustomization_ready("flux-system", "app"), false)
end)

for _, s in ipairs({ { "kustomization_status", KS .. "/app" }, { "helm_release_status", HR .. "/app" } }) do
  local fn, path = s[1], s[2]
  test(fn .. " summarises the status; nil on 404", function()
    local r = resource("X", "app", true, { lastAttemptedRevision = "main@sha1:abc", lastAppliedRevision = "main@sha1:9f0" })
    local m, c = setup({ ["GET " .. path] = { json = r } })
    assert.same(c[fn](c, "flux-system", "app"), {
      ready = true, revision = "main@sha1:abc", last_applied_revision = "main@sha1:9f0", conditions = r.status.conditions,
    })
    expect_get(m, path)
    m:on("GET " .. path, { json = resource("X", "app") })
    assert.same(c[fn](c, "flux-system", "app"), { ready = false, revision = "", last_applied_revision = "", conditions = {} })
    m:on("GET " .. path, { status = 404, body = "" })
    assert.eq(c[fn](c, "flux-system", "app"), nil)
  end)
end

test("a resource GET other than 200/404 raises", function()
  local m, c = setup({ ["GET " .. KS .. "/app"] = { status = 403, body = "forbidden" } })
  local ok, err = pcall(c.kustomization_status, c, "flux-system", "app")
  assert.eq(ok, false)
  assert.contains(err, "flux: GET " .. KS .. "/app HTTP 403: forbidden")
end)

test("all_sources_ready counts Git and Helm repositories", function()
  local m, c = setup({
    ["GET " .. SOURCE .. "gitrepositories"] = { json = list("GitRepository", { resource("GitRepository", "infra", true), resource("GitRepository", "apps", false) }) },
    ["GET " .. SOURCE .. "helmrepositories"] = { json = list("HelmRepository", { resource("HelmRepository", "bitnami", nil), resource("HelmRepository", "jetstack", true) }) },
  })
  assert.same(c:all_sources_ready("flux-system"), { ready = 2, not_ready = 2, total = 4, not_ready_names = { "apps", "bitnami" } })
  assert.eq(m:count(), 2)
  assert.eq(#m:unmatched(), 0)
end)

test("all_kustomizations_ready and all_helm_releases_ready", function()
  local m, c = setup({
    ["GET " .. KS] = { json = list("Kustomization", { resource("Kustomization", "infra", true) }) },
    ["GET " .. HR] = { json = list("HelmRelease", { resource("HelmRelease", "redis", false), resource("HelmRelease", "nginx", true) }) },
  })
  assert.same(c:all_kustomizations_ready("flux-system"), { ready = 1, not_ready = 0, total = 1, not_ready_names = {} })
  expect_get(m, KS)
  assert.same(c:all_helm_releases_ready("flux-system"), { ready = 1, not_ready = 1, total = 2, not_ready_names = { "redis" } })
  expect_get(m, HR)
  m:on("GET " .. HR, { json = { kind = "HelmReleaseList" } })
  assert.same(c:all_helm_releases_ready("flux-system"), { ready = 0, not_ready = 0, total = 0, not_ready_names = {} })
end)

test("client strips trailing slashes; a client without a token cannot call", function()
  local c = flux.client("http://k8s.local///", "t")
  assert.eq(c.url, "http://k8s.local")
  assert.eq(c.token, "t")
  local ok, err = pcall(flux.client("http://127.0.0.1:1").kustomizations, flux.client("http://127.0.0.1:1"), "x")
  assert.eq(ok, false)
  assert.contains(err, "flux: the client has no token")
end)
