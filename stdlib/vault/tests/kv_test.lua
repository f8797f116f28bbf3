-- assay.vault: KV version 2 (kv_get, kv_put, kv_delete, kv_list, kv_metadata).
local S = dofile((arg[0]:match("^(.*/)") or "") .. "support.lua")

local SECRET = {
  data = {
    data = { username = "admin", password = "s3cret" },
    metadata = { created_time = "2026-02-13T10:00:00Z", deletion_time = "", destroyed = false, version = 2 },
  },
  lease_duration = 0, renewable = false, request_id = "r1",
}

test("kv_get reads <mount>/data/<key> and returns {data, metadata}", function()
  S.with_vault({ ["GET /v1/secret/data/myapp/config"] = { json = SECRET } }, function(c, m)
    local s = c:kv_get("secret", "myapp/config")
    assert.eq(s.data.username, "admin")
    assert.eq(s.data.password, "s3cret")
    assert.eq(s.metadata.version, 2)
    S.check(m:last(), { method = "GET", path = "/v1/secret/data/myapp/config" })
  end)
end)

test("kv_get returns nil for a missing secret (404)", function()
  S.with_vault({ ["GET /v1/secret/data/nope"] = S.errors(404) }, function(c)
    assert.eq(c:kv_get("secret", "nope"), nil)
  end)
end)

test("kv_get raises on 403", function()
  S.with_vault({ ["GET /v1/secret/data/x"] = S.errors(403, "permission denied") }, function(c)
    S.fails('vault: GET /v1/secret/data/x HTTP 403: {"errors":["permission denied"]}', c.kv_get, c, "secret", "x")
  end)
end)

test("kv_put POSTs {data = ...} and returns the version JSON", function()
  local written = { data = { created_time = "2026-02-13T10:00:00Z", version = 3, destroyed = false } }
  S.with_vault({ ["POST /v1/secret/data/myapp/db"] = { json = written } }, function(c, m)
    local r = c:kv_put("secret", "myapp/db", { username = "admin", password = "pw" })
    assert.eq(r.data.version, 3)
    S.check(m:last(), { method = "POST", path = "/v1/secret/data/myapp/db", json = { data = { password = "pw", username = "admin" } } })
  end)
end)

test("kv_put returns nil on 204 and raises on 400", function()
  local status = 204
  S.with_vault({ ["POST /v1/kv/data/k"] = function() return status == 204 and { status = 204 } or S.errors(400, "bad") end }, function(c)
    assert.eq(c:kv_put("kv", "k", { a = "b" }), nil)
    status = 400
    S.fails('vault: POST /v1/kv/data/k HTTP 400: {"errors":["bad"]}', c.kv_put, c, "kv", "k", { a = "b" })
  end)
end)

test("kv_delete DELETEs <mount>/data/<key>", function()
  S.with_vault({ ["DELETE /v1/secret/data/old"] = { status = 204 } }, function(c, m)
    assert.eq(c:kv_delete("secret", "old"), nil)
    S.check(m:last(), { method = "DELETE", path = "/v1/secret/data/old" })
  end)
end)

test("kv_delete raises on 500", function()
  S.with_vault({ ["DELETE /v1/secret/data/old"] = S.errors(500, "x") }, function(c)
    S.fails("vault: DELETE /v1/secret/data/old HTTP 500", c.kv_delete, c, "secret", "old")
  end)
end)

test("kv_list LISTs <mount>/metadata/ (prefix defaults to \"\")", function()
  S.with_vault({ ["GET /v1/secret/metadata/"] = { json = { data = { keys = { "app/", "db" } } } } }, function(c, m)
    assert.same(c:kv_list("secret"), { "app/", "db" })
    S.check(m:last(), { method = "GET", path = "/v1/secret/metadata/", query = "list=true" })
  end)
end)

test("kv_list with a prefix; {} on 404; raises on 500", function()
  S.with_vault({
    ["GET /v1/secret/metadata/app/"] = { json = { data = { keys = { "web" } } } },
    ["GET /v1/secret/metadata/none/"] = S.errors(404),
    ["GET /v1/secret/metadata/bad/"] = S.errors(500, "x"),
  }, function(c, m)
    assert.same(c:kv_list("secret", "app/"), { "web" })
    S.check(m:last(), { method = "GET", path = "/v1/secret/metadata/app/", query = "list=true" })
    assert.same(c:kv_list("secret", "none/"), {})
    S.fails("vault: LIST /v1/secret/metadata/bad/ HTTP 500", c.kv_list, c, "secret", "bad/")
  end)
end)

test("kv_metadata returns the whole JSON (metadata in .data)", function()
  local meta = { data = { current_version = 2, versions = { ["1"] = { destroyed = false }, ["2"] = { destroyed = false } } } }
  S.with_vault({ ["GET /v1/secret/metadata/myapp"] = { json = meta } }, function(c, m)
    local r = c:kv_metadata("secret", "myapp")
    assert.eq(r.data.current_version, 2)
    assert.eq(r.data.versions["2"].destroyed, false)
    S.check(m:last(), { method = "GET", path = "/v1/secret/metadata/myapp" })
  end)
end)

test("kv_metadata returns nil on 404 and raises on 500", function()
  S.with_vault({ ["GET /v1/secret/metadata/none"] = S.errors(404), ["GET /v1/secret/metadata/bad"] = S.errors(500, "x") }, function(c)
    assert.eq(c:kv_metadata("secret", "none"), nil)
    S.fails("vault: GET /v1/secret/metadata/bad HTTP 500", c.kv_metadata, c, "secret", "bad")
  end)
end)
