-- assay.postgres against a real PostgreSQL (.ci/postgres.sh start). Skipped unless
-- ASSAY_TEST_PG_URL (postgres://user:password@host:port/database, a superuser) is set.
-- The roles and databases it creates carry a random suffix and are dropped at the end.
local postgres = require("assay.postgres")

local URL = env.get("ASSAY_TEST_PG_URL")

if not URL then
  test.skip("postgres integration", "ASSAY_TEST_PG_URL is not set (eval \"$(.ci/postgres.sh start)\")")
  return
end

local USER, PASSWORD, HOST, PORT, DATABASE = URL:match("^postgres%w*://([^:]+):([^@]+)@([^:/]+):(%d+)/([^?]+)")
assert.not_nil(USER, "cannot parse ASSAY_TEST_PG_URL")

local SUFFIX = crypto.random(6):lower()
local APP_USER = "assay_app_" .. SUFFIX
local APP_PASSWORD = "p@ss:w'rd/" .. SUFFIX -- a quote and URL delimiters
local APP_DB = "assay_db_" .. SUFFIX

local admin

test("client connects; query and execute with $n parameters", function()
  admin = postgres.client(HOST, tonumber(PORT), USER, PASSWORD, DATABASE)
  local rows = admin:query("SELECT $1::int + 1 AS n, $2::text AS s, current_user AS who", { 41, "x" })
  assert.eq(rows[1].n, 42)
  assert.eq(rows[1].s, "x")
  assert.eq(rows[1].who, USER)
  admin:execute("CREATE TEMP TABLE assay_t (id int, name text)")
  local r = admin:execute("INSERT INTO assay_t VALUES ($1, $2), ($3, $4)", { 1, "a", 2, "b" })
  assert.eq(r.rows_affected, 2)
  assert.eq(#admin:query("SELECT * FROM assay_t"), 2)
end)

test("the database defaults to postgres", function()
  local c = postgres.client(HOST, PORT, USER, PASSWORD)
  assert.eq(c:query("SELECT current_database() AS d")[1].d, "postgres")
  c:close()
end)

test("ensure_user creates once; user_exists sees it", function()
  assert.eq(admin:user_exists(APP_USER), false)
  assert.eq(admin:ensure_user(APP_USER, APP_PASSWORD, { createdb = true }), true)
  assert.eq(admin:user_exists(APP_USER), true)
  assert.eq(admin:ensure_user(APP_USER, "other"), false)
  local role = admin:query("SELECT rolcreatedb, rolsuper, rolcanlogin FROM pg_roles WHERE rolname = $1", { APP_USER })[1]
  assert.eq(role.rolcreatedb, true)
  assert.eq(role.rolsuper, false)
  assert.eq(role.rolcanlogin, true)
end)

test("ensure_database creates once with its owner; database_exists sees it", function()
  assert.eq(admin:database_exists(APP_DB), false)
  assert.eq(admin:ensure_database(APP_DB, APP_USER), true)
  assert.eq(admin:database_exists(APP_DB), true)
  assert.eq(admin:ensure_database(APP_DB), false)
  local owner = admin:query("SELECT pg_get_userbyid(datdba) AS o FROM pg_database WHERE datname = $1", { APP_DB })[1].o
  assert.eq(owner, APP_USER)
end)

test("grant, then the new user logs in with its password (quotes and URL delimiters)", function()
  admin:grant(APP_DB, APP_USER)
  admin:grant(APP_DB, APP_USER, "CONNECT, TEMPORARY")
  local app = postgres.client(HOST, PORT, APP_USER, APP_PASSWORD, APP_DB)
  local row = app:query("SELECT current_user AS u, current_database() AS d")[1]
  assert.eq(row.u, APP_USER)
  assert.eq(row.d, APP_DB)
  app:close()
  local ok, err = pcall(postgres.client, HOST, PORT, APP_USER, "wrong", APP_DB)
  assert.eq(ok, false)
  assert.contains(err, "db.connect")
end)

test("SQL errors are raised by db", function()
  local ok, err = pcall(admin.query, admin, "SELEC 1")
  assert.eq(ok, false)
  assert.contains(err, "db.query")
  ok, err = pcall(admin.grant, admin, "no_such_db_" .. SUFFIX, APP_USER)
  assert.eq(ok, false)
  assert.contains(err, "db.execute")
end)

test("clean up; close", function()
  admin:execute('DROP DATABASE IF EXISTS ' .. postgres._quote_ident(APP_DB))
  admin:execute('DROP ROLE IF EXISTS ' .. postgres._quote_ident(APP_USER))
  assert.eq(admin:user_exists(APP_USER), false)
  assert.eq(admin:database_exists(APP_DB), false)
  admin:close()
  local ok = pcall(admin.query, admin, "SELECT 1")
  assert.eq(ok, false)
end)
