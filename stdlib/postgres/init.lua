--- @module assay.postgres
-- PostgreSQL helpers over the `db` builtin: a client with query/execute, and idempotent
-- set-up of users, databases and grants; `client_from_vault` reads the credentials from a
-- Vault KV v2 secret. As in assay v0.4:
--
--   local postgres = require("assay.postgres")
--   local pg = postgres.client("db.internal", 5432, "admin", env.get("PG_PASSWORD"))
--   pg:ensure_user("app", generated_password, { createdb = true })
--   pg:ensure_database("app", "app")
--   pg:grant("app", "app")
--   local rows = pg:query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1", { "app" })
--   pg:close()
--
-- Queries use PostgreSQL's `$1, $2, ...` parameters. DDL cannot take parameters, so names are
-- quoted with `_quote_ident` and passwords with `_quote_literal`. Errors are those of `db`
-- (`db.connect: ...`, `db.query: ...`, `db.execute: ...`).

local M = {}

--- Quotes an SQL identifier: `"` + s with every `"` doubled + `"`.
-- @param s string
-- @return string
function M._quote_ident(s)
  return '"' .. s:gsub('"', '""') .. '"'
end

--- Quotes an SQL string literal: `'` + s with every `'` doubled + `'`.
-- @param s string
-- @return string
function M._quote_literal(s)
  return "'" .. s:gsub("'", "''") .. "'"
end

--- Percent-encodes the characters that would break a connection URL's user or password
-- (`@ : / ? # [ ]` and spaces). `%` is left alone, so already-encoded values still work.
local function userinfo(s)
  return (tostring(s):gsub("[@:/?#%[%]%s]", function(c) return string.format("%%%02X", c:byte()) end))
end

local Client = {}
Client.__index = Client

--- Connects to PostgreSQL (`postgres://<user>:<password>@<host>:<port>/<database>`).
-- @param host string
-- @param port integer|string
-- @param username string
-- @param password string
-- @param database string|nil: default "postgres"
-- @return table: the client; `c.conn` is the `db` connection
function M.client(host, port, username, password, database)
  local url = "postgres://" .. userinfo(username) .. ":" .. userinfo(password) .. "@" .. host
    .. ":" .. tostring(port) .. "/" .. (database or "postgres")
  return setmetatable({ conn = db.connect(url) }, Client)
end

--- Runs a query.
-- @param sql string: with `$1, $2, ...` placeholders
-- @param params table|nil: the parameters
-- @return table: an array of rows (column name → value)
function Client:query(sql, params)
  return (db.query(self.conn, sql, params or {}))
end

--- Runs a statement.
-- @param sql string: with `$1, $2, ...` placeholders
-- @param params table|nil: the parameters
-- @return table: `{rows_affected = N}`
function Client:execute(sql, params)
  return (db.execute(self.conn, sql, params or {}))
end

--- Closes the connection; the client cannot be used afterwards.
function Client:close()
  db.close(self.conn)
end

--- Tells whether a role exists.
-- @param name string
-- @return boolean
function Client:user_exists(name)
  return #db.query(self.conn, "SELECT 1 FROM pg_roles WHERE rolname = $1", { name }) > 0
end

--- Creates a login role unless it exists.
-- @param user string
-- @param password string
-- @param opts table|nil: `createdb`, `superuser` (booleans)
-- @return boolean: true when it was created, false when it already existed
function Client:ensure_user(user, password, opts)
  opts = opts or {}
  if self:user_exists(user) then
    log.info("PostgreSQL user '" .. user .. "' already exists")
    return false
  end
  local sql = "CREATE USER " .. M._quote_ident(user) .. " WITH PASSWORD " .. M._quote_literal(password)
  if opts.createdb then sql = sql .. " CREATEDB" end
  if opts.superuser then sql = sql .. " SUPERUSER" end
  db.execute(self.conn, sql, {})
  log.info("Created PostgreSQL user '" .. user .. "'")
  return true
end

--- Tells whether a database exists.
-- @param name string
-- @return boolean
function Client:database_exists(name)
  return #db.query(self.conn, "SELECT 1 FROM pg_database WHERE datname = $1", { name }) > 0
end

--- Creates a database unless it exists.
-- @param name string
-- @param owner string|nil: its owner
-- @return boolean: true when it was created, false when it already existed
function Client:ensure_database(name, owner)
  if self:database_exists(name) then
    log.info("PostgreSQL database '" .. name .. "' already exists")
    return false
  end
  local sql = "CREATE DATABASE " .. M._quote_ident(name)
  if owner then sql = sql .. " OWNER " .. M._quote_ident(owner) end
  db.execute(self.conn, sql, {})
  log.info("Created PostgreSQL database '" .. name .. "'")
  return true
end

--- Grants privileges on a database to a role.
-- @param database string
-- @param user string
-- @param privileges string|nil: SQL privilege list (default "ALL PRIVILEGES"; inserted as given)
function Client:grant(database, user, privileges)
  privileges = privileges or "ALL PRIVILEGES"
  db.execute(self.conn, "GRANT " .. privileges .. " ON DATABASE " .. M._quote_ident(database)
    .. " TO " .. M._quote_ident(user), {})
  log.info("Granted " .. privileges .. " on " .. database .. " to " .. user)
end

--- Connects with credentials from the Vault KV v2 secret `secrets/<vault_path>`, whose data
-- holds `username`, `password` and optionally `database` (default "postgres").
-- @param vault_client table: an `assay.vault` client (only `kv_get` is used)
-- @param vault_path string: the secret's path under the `secrets` mount
-- @param host string
-- @param port integer|string|nil: default 5432
-- @return table: a client as `postgres.client` returns
function M.client_from_vault(vault_client, vault_path, host, port)
  local secret = vault_client:kv_get("secrets", vault_path)
  assert.not_nil(secret, "postgres.client_from_vault: no secret at secrets/" .. vault_path)
  assert.not_nil(secret.data, "postgres.client_from_vault: no data at secrets/" .. vault_path)
  local creds = secret.data
  assert.not_nil(creds.username, "postgres.client_from_vault: missing username")
  assert.not_nil(creds.password, "postgres.client_from_vault: missing password")
  return M.client(host, tostring(port or 5432), creds.username, creds.password, creds.database or "postgres")
end

return M
