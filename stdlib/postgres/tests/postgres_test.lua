-- Unit tests of assay.postgres: the SQL it sends, through a recording stand-in for the `db`
-- builtin, and client_from_vault against a mock Vault. The real-server tests are in
-- integration/ (ASSAY_TEST_PG_URL).
local postgres = require("assay.postgres")
local mock = require("assay.testing.mock")

local real_db = db

--- Replaces the global `db` with a recorder: `rows_for(sql)` gives query results.
local function fake_db(rows_for)
  local rec = { calls = {} }
  local function note(fn, ...)
    rec.calls[#rec.calls + 1] = { fn = fn, args = table.pack(...) }
  end
  db = {
    connect = function(url) note("connect", url); return { fake = true, url = url } end,
    query = function(conn, sql, params) note("query", conn, sql, params); return rows_for and rows_for(sql, params) or {} end,
    execute = function(conn, sql, params) note("execute", conn, sql, params); return { rows_affected = 1 } end,
    close = function(conn) note("close", conn) end,
  }
  function rec.last() return rec.calls[#rec.calls] end
  function rec.sql(fn)
    local out = {}
    for _, c in ipairs(rec.calls) do if c.fn == fn then out[#out + 1] = c.args[2] end end
    return out
  end
  return rec
end

--- Runs fn with a fake db, restoring the real one afterwards.
local function with_fake(rows_for, fn)
  local rec = fake_db(rows_for)
  local ok, err = pcall(fn, rec)
  db = real_db
  if not ok then error(err, 0) end
end

-- ---------------------------------------------------------------------------------------
-- quoting

test("_quote_ident and _quote_literal double their quotes", function()
  assert.eq(postgres._quote_ident("app"), '"app"')
  assert.eq(postgres._quote_ident('we"ird'), '"we""ird"')
  assert.eq(postgres._quote_literal("it's"), "'it''s'")
  assert.eq(postgres._quote_literal("plain"), "'plain'")
end)

-- ---------------------------------------------------------------------------------------
-- client

test("client connects with postgres://user:pass@host:port/db, database defaulting to postgres", function()
  with_fake(nil, function(rec)
    local c = postgres.client("db.local", 5432, "admin", "s3cret", "app")
    assert.eq(rec.calls[1].fn, "connect")
    assert.eq(rec.calls[1].args[1], "postgres://admin:s3cret@db.local:5432/app")
    assert.eq(c.conn.fake, true)
    postgres.client("h", "6543", "u", "p")
    assert.eq(rec.last().args[1], "postgres://u:p@h:6543/postgres")
  end)
end)

test("client encodes what would break the URL in user and password, not %", function()
  with_fake(nil, function(rec)
    postgres.client("h", 5432, "a:b", "p@ss/w:rd#1?x y%41")
    assert.eq(rec.last().args[1], "postgres://a%3Ab:p%40ss%2Fw%3Ard%231%3Fx%20y%41@h:5432/postgres")
  end)
end)

test("query and execute pass through, params defaulting to {}", function()
  with_fake(function() return { { n = 1 } } end, function(rec)
    local c = postgres.client("h", 5432, "u", "p")
    assert.same(c:query("SELECT $1::int AS n", { 1 }), { { n = 1 } })
    assert.eq(rec.last().args[1], c.conn)
    assert.same(rec.last().args[3], { 1 })
    c:query("SELECT 1")
    assert.same(rec.last().args[3], {})
    assert.same(c:execute("DELETE FROM t WHERE id = $1", { 7 }), { rows_affected = 1 })
    assert.eq(rec.last().fn, "execute")
    assert.same(rec.last().args[3], { 7 })
    c:execute("VACUUM")
    assert.same(rec.last().args[3], {})
  end)
end)

test("close closes the connection", function()
  with_fake(nil, function(rec)
    local c = postgres.client("h", 5432, "u", "p")
    c:close()
    assert.eq(rec.last().fn, "close")
    assert.eq(rec.last().args[1], c.conn)
  end)
end)

test("user_exists and database_exists query the catalogs with a parameter", function()
  with_fake(function(sql, params) if params[1] == "yes" then return { { ["?column?"] = 1 } } end return {} end, function(rec)
    local c = postgres.client("h", 5432, "u", "p")
    assert.eq(c:user_exists("yes"), true)
    assert.eq(rec.last().args[2], "SELECT 1 FROM pg_roles WHERE rolname = $1")
    assert.same(rec.last().args[3], { "yes" })
    assert.eq(c:user_exists("no"), false)
    assert.eq(c:database_exists("yes"), true)
    assert.eq(rec.last().args[2], "SELECT 1 FROM pg_database WHERE datname = $1")
    assert.eq(c:database_exists("no"), false)
  end)
end)

test("ensure_user creates a missing user with quoted name and password, and options", function()
  with_fake(function() return {} end, function(rec)
    local c = postgres.client("h", 5432, "u", "p")
    assert.eq(c:ensure_user('app"x', "pa'ss"), true)
    assert.eq(rec.last().fn, "execute")
    assert.eq(rec.last().args[2], [[CREATE USER "app""x" WITH PASSWORD 'pa''ss']])
    c:ensure_user("ops", "pw", { createdb = true, superuser = true })
    assert.eq(rec.last().args[2], "CREATE USER \"ops\" WITH PASSWORD 'pw' CREATEDB SUPERUSER")
    c:ensure_user("dev", "pw", { createdb = true })
    assert.eq(rec.last().args[2], "CREATE USER \"dev\" WITH PASSWORD 'pw' CREATEDB")
  end)
end)

test("ensure_user leaves an existing user alone", function()
  with_fake(function() return { { x = 1 } } end, function(rec)
    local c = postgres.client("h", 5432, "u", "p")
    assert.eq(c:ensure_user("app", "pw"), false)
    assert.eq(#rec.sql("execute"), 0)
  end)
end)

test("ensure_database creates a missing database, with an owner when given", function()
  with_fake(function() return {} end, function(rec)
    local c = postgres.client("h", 5432, "u", "p")
    assert.eq(c:ensure_database("app"), true)
    assert.eq(rec.last().args[2], 'CREATE DATABASE "app"')
    assert.eq(c:ensure_database("app2", "app"), true)
    assert.eq(rec.last().args[2], 'CREATE DATABASE "app2" OWNER "app"')
  end)
  with_fake(function() return { { x = 1 } } end, function(rec)
    local c = postgres.client("h", 5432, "u", "p")
    assert.eq(c:ensure_database("app"), false)
    assert.eq(#rec.sql("execute"), 0)
  end)
end)

test("grant grants ALL PRIVILEGES or the given privileges", function()
  with_fake(nil, function(rec)
    local c = postgres.client("h", 5432, "u", "p")
    assert.eq(c:grant("app", "app_user"), nil)
    assert.eq(rec.last().args[2], 'GRANT ALL PRIVILEGES ON DATABASE "app" TO "app_user"')
    c:grant("app", "reader", "CONNECT, TEMPORARY")
    assert.eq(rec.last().args[2], 'GRANT CONNECT, TEMPORARY ON DATABASE "app" TO "reader"')
  end)
end)

test("db errors propagate", function()
  local ok, err = pcall(postgres.client, "127.0.0.1", 1, "u", "p")
  assert.eq(ok, false)
  assert.contains(err, "db.connect")
end)

-- ---------------------------------------------------------------------------------------
-- client_from_vault

--- A stand-in Vault client: kv_get answers from `secrets`.
local function fake_vault(secrets)
  local v = { asked = {} }
  function v:kv_get(mount, path)
    self.asked[#self.asked + 1] = mount .. "/" .. path
    return secrets[path]
  end
  return v
end

test("client_from_vault reads secrets/<path> and connects", function()
  with_fake(nil, function(rec)
    local v = fake_vault({
      ["db/app"] = { data = { username = "app", password = "pw", database = "appdb" }, metadata = { version = 2 } },
      ["db/min"] = { data = { username = "min", password = "pw2" } },
    })
    postgres.client_from_vault(v, "db/app", "pg.local")
    assert.eq(v.asked[1], "secrets/db/app")
    assert.eq(rec.last().args[1], "postgres://app:pw@pg.local:5432/appdb")
    postgres.client_from_vault(v, "db/min", "pg.local", 6432)
    assert.eq(rec.last().args[1], "postgres://min:pw2@pg.local:6432/postgres")
  end)
end)

test("client_from_vault: missing secret, data, username, password", function()
  local v = fake_vault({
    ["nodata"] = { metadata = {} },
    ["nouser"] = { data = { password = "x" } },
    ["nopass"] = { data = { username = "x" } },
  })
  local ok, err = pcall(postgres.client_from_vault, v, "missing", "h")
  assert.eq(ok, false)
  assert.contains(err, "postgres.client_from_vault: no secret at secrets/missing")
  ok, err = pcall(postgres.client_from_vault, v, "nodata", "h")
  assert.contains(err, "postgres.client_from_vault: no data at secrets/nodata")
  ok, err = pcall(postgres.client_from_vault, v, "nouser", "h")
  assert.contains(err, "postgres.client_from_vault: missing username")
  ok, err = pcall(postgres.client_from_vault, v, "nopass", "h")
  assert.contains(err, "postgres.client_from_vault: missing password")
end)

test("client_from_vault with an assay.vault client against a mock Vault", function()
  local vault = require("assay.vault")
  local m = mock.server({
    ["GET /v1/secrets/data/db/app"] = { json = {
      request_id = "0c8e2c9a", lease_id = "", renewable = false, lease_duration = 0,
      data = { data = { username = "app", password = "from-vault" },
               metadata = { created_time = "2026-02-13T10:00:00Z", version = 1, destroyed = false } },
    } },
  })
  with_fake(nil, function(rec)
    postgres.client_from_vault(vault.client(m.url, "root-token"), "db/app", "pg.svc", 5433)
    assert.eq(rec.last().args[1], "postgres://app:from-vault@pg.svc:5433/postgres")
  end)
  assert.eq(m:last().headers["x-vault-token"], "root-token")
  local ok, err = pcall(postgres.client_from_vault, vault.client(m.url, "root-token"), "db/none", "pg.svc")
  assert.eq(ok, false)
  assert.contains(err, "postgres.client_from_vault: no secret at secrets/db/none")
  m:close()
end)
