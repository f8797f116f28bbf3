-- assay.eso against a mock Kubernetes API answering in external-secrets.io/v1beta1 shapes.
local support = require("assay.testing.support")
local eso = require("assay.eso")

local TOKEN = "k8s-t0ken"
local B = "/apis/external-secrets.io/v1beta1"

--- Runs fn(c, m) against a mock answering `routes`; checks every request had a route and
-- carried the bearer token and no body.
local function with_eso(routes, fn)
  support.with_mock(routes, function(m) return eso.client(m.url .. "///", TOKEN) end, fn, function(r)
    assert.eq(r.method, "GET")
    assert.eq(r.headers.authorization, "Bearer " .. TOKEN)
    assert.eq(r.query, "")
    assert.eq(r.body, "")
  end)
end

local fails = support.fails

local function object(kind, name, ready, extra)
  local status = extra or {}
  status.conditions = { { type = "Ready", status = ready and "True" or "False", reason = ready and "SecretSynced" or "SecretSyncedError", message = "m" } }
  return { apiVersion = "external-secrets.io/v1beta1", kind = kind, metadata = { name = name, namespace = "apps" }, status = status }
end

local function list(kind, items)
  return { apiVersion = "external-secrets.io/v1beta1", kind = kind .. "List", metadata = { resourceVersion = "1" }, items = items }
end

test("client strips trailing slashes and keeps url/token public", function()
  local c = eso.client("http://k8s:6443///", "t")
  assert.eq(c.url, "http://k8s:6443")
  assert.eq(c.token, "t")
  fails("eso.client: url must be a string", eso.client, nil, "t")
end)

test("external_secrets lists a namespace and returns the whole list object", function()
  local body = list("ExternalSecret", { object("ExternalSecret", "db", true) })
  with_eso({ ["GET " .. B .. "/namespaces/apps/externalsecrets"] = { json = body } }, function(c, m)
    local l = c:external_secrets("apps")
    assert.eq(l.kind, "ExternalSecretList")
    assert.eq(l.items[1].metadata.name, "db")
    assert.eq(m:last().path, B .. "/namespaces/apps/externalsecrets")
  end)
end)

test("listing raises eso: LIST ... on any non-200, 404 included", function()
  with_eso({
    ["GET " .. B .. "/namespaces/apps/externalsecrets"] = { status = 404, body = "nope" },
    ["GET " .. B .. "/namespaces/apps/secretstores"] = { status = 403, body = "forbidden" },
    ["GET " .. B .. "/clustersecretstores"] = { status = 500, body = "boom" },
    ["GET " .. B .. "/clusterexternalsecrets"] = { status = 401, body = "who" },
  }, function(c)
    fails("eso: LIST " .. B .. "/namespaces/apps/externalsecrets HTTP 404: nope", c.external_secrets, c, "apps")
    fails("eso: LIST " .. B .. "/namespaces/apps/secretstores HTTP 403: forbidden", c.secret_stores, c, "apps")
    fails("eso: LIST " .. B .. "/clustersecretstores HTTP 500: boom", c.cluster_secret_stores, c)
    fails("eso: LIST " .. B .. "/clusterexternalsecrets HTTP 401: who", c.cluster_external_secrets, c)
  end)
end)

test("external_secret reads one object; 404 gives nil; other statuses raise eso: GET", function()
  with_eso({
    ["GET " .. B .. "/namespaces/apps/externalsecrets/db"] = { json = object("ExternalSecret", "db", true) },
    ["GET " .. B .. "/namespaces/apps/externalsecrets/gone"] = { status = 404, json = { kind = "Status", code = 404 } },
    ["GET " .. B .. "/namespaces/apps/externalsecrets/bad"] = { status = 500, body = "etcd down" },
  }, function(c)
    assert.eq(c:external_secret("apps", "db").metadata.name, "db")
    assert.eq(c:external_secret("apps", "gone"), nil)
    fails("eso: GET " .. B .. "/namespaces/apps/externalsecrets/bad HTTP 500: etcd down", c.external_secret, c, "apps", "bad")
  end)
end)

test("external_secret_status maps the Ready condition and syncedResourceVersion", function()
  local synced = object("ExternalSecret", "db", true, { syncedResourceVersion = "1-abc", refreshTime = "2026-02-13T10:00:00Z" })
  local failing = object("ExternalSecret", "api", false)
  local bare = { metadata = { name = "new" } }
  with_eso({
    ["GET " .. B .. "/namespaces/apps/externalsecrets/db"] = { json = synced },
    ["GET " .. B .. "/namespaces/apps/externalsecrets/api"] = { json = failing },
    ["GET " .. B .. "/namespaces/apps/externalsecrets/new"] = { json = bare },
    ["GET " .. B .. "/namespaces/apps/externalsecrets/gone"] = { status = 404 },
  }, function(c)
    local s = c:external_secret_status("apps", "db")
    assert.eq(s.ready, true)
    assert.eq(s.status, "SecretSynced")
    assert.eq(s.sync_hash, "1-abc")
    assert.eq(s.conditions[1].type, "Ready")
    s = c:external_secret_status("apps", "api")
    assert.eq(s.ready, false)
    assert.eq(s.status, "SecretSyncedError")
    assert.eq(s.sync_hash, "")
    s = c:external_secret_status("apps", "new")
    assert.eq(s.ready, false)
    assert.eq(s.status, "Unknown")
    assert.eq(#s.conditions, 0)
    fails("eso: ExternalSecret apps/gone not found", c.external_secret_status, c, "apps", "gone")
  end)
end)

test("is_secret_synced: True condition, False condition, missing object", function()
  with_eso({
    ["GET " .. B .. "/namespaces/apps/externalsecrets/db"] = { json = object("ExternalSecret", "db", true) },
    ["GET " .. B .. "/namespaces/apps/externalsecrets/api"] = { json = object("ExternalSecret", "api", false) },
    ["GET " .. B .. "/namespaces/apps/externalsecrets/gone"] = { status = 404 },
    ["GET " .. B .. "/namespaces/apps/externalsecrets/err"] = { status = 502, body = "bad gateway" },
  }, function(c)
    assert.eq(c:is_secret_synced("apps", "db"), true)
    assert.eq(c:is_secret_synced("apps", "api"), false)
    assert.eq(c:is_secret_synced("apps", "gone"), false)
    fails("HTTP 502: bad gateway", c.is_secret_synced, c, "apps", "err")
  end)
end)

test("wait_secret_synced polls until synced", function()
  local calls = 0
  with_eso({
    ["GET " .. B .. "/namespaces/apps/externalsecrets/db"] = function()
      calls = calls + 1
      return { json = object("ExternalSecret", "db", calls >= 3) }
    end,
  }, function(c, m)
    assert.eq(c:wait_secret_synced("apps", "db", 5, { interval = 0.01 }), true)
    assert.eq(m:count(), 3)
    calls = 0
    assert.eq(c:wait_secret_synced("apps", "db", 5, 0.01), true, "the interval as a number")
  end)
end)

test("wait_secret_synced raises after the timeout (last check at the deadline)", function()
  with_eso({ ["GET " .. B .. "/namespaces/apps/externalsecrets/db"] = { json = object("ExternalSecret", "db", false) } }, function(c, m)
    local t0 = time()
    fails("eso: ExternalSecret apps/db not synced after 0.2s", c.wait_secret_synced, c, "apps", "db", 0.2, { interval = 0.05 })
    assert.gt(time() - t0, 0.19)
    assert.gt(m:count(), 2)
    assert.lt(m:count(), 7)
  end)
end)

test("secret_stores / secret_store / secret_store_status / is_store_ready", function()
  local vault = object("SecretStore", "vault", true)
  local broken = object("SecretStore", "broken", false)
  with_eso({
    ["GET " .. B .. "/namespaces/apps/secretstores"] = { json = list("SecretStore", { vault, broken }) },
    ["GET " .. B .. "/namespaces/apps/secretstores/vault"] = { json = vault },
    ["GET " .. B .. "/namespaces/apps/secretstores/broken"] = { json = broken },
    ["GET " .. B .. "/namespaces/apps/secretstores/gone"] = { status = 404 },
    ["GET " .. B .. "/namespaces/apps/secretstores/err"] = { status = 500, body = "x" },
  }, function(c)
    assert.eq(#c:secret_stores("apps").items, 2)
    assert.eq(c:secret_store("apps", "vault").kind, "SecretStore")
    assert.eq(c:secret_store("apps", "gone"), nil)
    fails("eso: GET " .. B .. "/namespaces/apps/secretstores/err HTTP 500: x", c.secret_store, c, "apps", "err")
    local s = c:secret_store_status("apps", "vault")
    assert.eq(s.ready, true)
    assert.eq(s.conditions[1].reason, "SecretSynced")
    assert.eq(c:secret_store_status("apps", "broken").ready, false)
    fails("eso: SecretStore apps/gone not found", c.secret_store_status, c, "apps", "gone")
    assert.eq(c:is_store_ready("apps", "vault"), true)
    assert.eq(c:is_store_ready("apps", "broken"), false)
    assert.eq(c:is_store_ready("apps", "gone"), false)
  end)
end)

test("cluster secret stores: list, get, readiness", function()
  local css = object("ClusterSecretStore", "global", true)
  with_eso({
    ["GET " .. B .. "/clustersecretstores"] = { json = list("ClusterSecretStore", { css }) },
    ["GET " .. B .. "/clustersecretstores/global"] = { json = css },
    ["GET " .. B .. "/clustersecretstores/down"] = { json = object("ClusterSecretStore", "down", false) },
    ["GET " .. B .. "/clustersecretstores/gone"] = { status = 404 },
    ["GET " .. B .. "/clustersecretstores/err"] = { status = 500, body = "e" },
  }, function(c)
    assert.eq(c:cluster_secret_stores().items[1].metadata.name, "global")
    assert.eq(c:cluster_secret_store("global").kind, "ClusterSecretStore")
    assert.eq(c:cluster_secret_store("gone"), nil)
    fails("eso: GET " .. B .. "/clustersecretstores/err HTTP 500: e", c.cluster_secret_store, c, "err")
    assert.eq(c:is_cluster_store_ready("global"), true)
    assert.eq(c:is_cluster_store_ready("down"), false)
    assert.eq(c:is_cluster_store_ready("gone"), false)
  end)
end)

test("cluster external secrets: list and get", function()
  local ces = { kind = "ClusterExternalSecret", metadata = { name = "shared" }, status = { provisionedNamespaces = { "a", "b" } } }
  with_eso({
    ["GET " .. B .. "/clusterexternalsecrets"] = { json = list("ClusterExternalSecret", { ces }) },
    ["GET " .. B .. "/clusterexternalsecrets/shared"] = { json = ces },
    ["GET " .. B .. "/clusterexternalsecrets/gone"] = { status = 404 },
    ["GET " .. B .. "/clusterexternalsecrets/err"] = { status = 403, body = "no" },
  }, function(c)
    assert.eq(c:cluster_external_secrets().items[1].metadata.name, "shared")
    assert.eq(c:cluster_external_secret("shared").status.provisionedNamespaces[2], "b")
    assert.eq(c:cluster_external_secret("gone"), nil)
    fails("eso: GET " .. B .. "/clusterexternalsecrets/err HTTP 403: no", c.cluster_external_secret, c, "err")
  end)
end)

test("all_secrets_synced counts Ready items and names the others", function()
  local items = {
    object("ExternalSecret", "a", true), object("ExternalSecret", "b", false),
    { metadata = { name = "c" } }, object("ExternalSecret", "d", true),
  }
  with_eso({ ["GET " .. B .. "/namespaces/apps/externalsecrets"] = { json = list("ExternalSecret", items) } }, function(c)
    local r = c:all_secrets_synced("apps")
    assert.eq(r.synced, 2)
    assert.eq(r.failed, 2)
    assert.eq(r.total, 4)
    assert.same(r.failed_names, { "b", "c" })
  end)
end)

test("all_secrets_synced / all_stores_ready of an empty namespace", function()
  with_eso({
    ["GET " .. B .. "/namespaces/empty/externalsecrets"] = { json = { kind = "ExternalSecretList", items = json.array({}) } },
    ["GET " .. B .. "/namespaces/empty/secretstores"] = { json = { kind = "SecretStoreList" } },
  }, function(c)
    assert.same(c:all_secrets_synced("empty"), { synced = 0, failed = 0, total = 0, failed_names = {} })
    assert.same(c:all_stores_ready("empty"), { ready = 0, not_ready = 0, total = 0, not_ready_names = {} })
  end)
end)

test("all_stores_ready counts Ready stores and names the others", function()
  local items = { object("SecretStore", "vault", true), object("SecretStore", "aws", false) }
  with_eso({ ["GET " .. B .. "/namespaces/apps/secretstores"] = { json = list("SecretStore", items) } }, function(c)
    local r = c:all_stores_ready("apps")
    assert.eq(r.ready, 1)
    assert.eq(r.not_ready, 1)
    assert.eq(r.total, 2)
    assert.same(r.not_ready_names, { "aws" })
  end)
end)

test("summaries raise the LIST error", function()
  with_eso({
    ["GET " .. B .. "/namespaces/apps/externalsecrets"] = { status = 500, body = "x" },
    ["GET " .. B .. "/namespaces/apps/secretstores"] = { status = 500, body = "y" },
  }, function(c)
    fails("eso: LIST " .. B .. "/namespaces/apps/externalsecrets HTTP 500: x", c.all_secrets_synced, c, "apps")
    fails("eso: LIST " .. B .. "/namespaces/apps/secretstores HTTP 500: y", c.all_stores_ready, c, "apps")
  end)
end)

test("wait_secret_synced raises the GET error", function()
  with_eso({ ["GET " .. B .. "/namespaces/apps/externalsecrets/db"] = { status = 500, body = "x" } }, function(c)
    fails("eso: GET " .. B .. "/namespaces/apps/externalsecrets/db HTTP 500: x", c.wait_secret_synced, c, "apps", "db", 1, 0.01)
  end)
end)
