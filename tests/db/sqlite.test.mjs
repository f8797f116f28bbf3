// The db builtin on SQLite (embedded, no server): URL forms, value mapping, parameters,
// execute results, transactions, errors, tasks and exit. See docs/db.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytes, dir, expectFailure, expectLines, launcher, root, run } from './lua.mjs';

// ---------------------------------------------------------------------------
// connecting

test('URL forms: memory, absolute, relative, bare path; a memory database lives as long as its connection', () => {
  const abs = join(dir, 'abs.db');
  expectLines(`
local abs = ...
local function roundtrip(url)
  local c = db.connect(url)
  db.execute(c, "CREATE TABLE IF NOT EXISTS t (x)")
  db.execute(c, "INSERT INTO t VALUES (?)", {url})
  local n = db.query(c, "SELECT count(*) AS n FROM t")[1].n
  db.close(c)
  return n
end
print(roundtrip("sqlite::memory:"), roundtrip("sqlite::memory:"))
print(roundtrip("sqlite://" .. abs), roundtrip("sqlite://" .. abs))
print(roundtrip("sqlite://rel.db"), roundtrip("sqlite:bare.db"), roundtrip("sqlite:bare.db"))
print(roundtrip("SQLITE:upper.db"))
`, ['1\t1', '1\t2', '1\t1\t2', '1'], { args: [abs] });
  assert.ok(existsSync(abs));
  assert.ok(existsSync(join(dir, 'rel.db')));
  assert.ok(existsSync(join(dir, 'bare.db')));
});

test('URL modes: ?mode=ro refuses writes, ?mode=rw needs the file, ?mode=memory', () => {
  expectLines(`
local c = db.connect("sqlite:modes.db")
db.execute(c, "CREATE TABLE t (x)")
db.close(c)
local ro = db.connect("sqlite:modes.db?mode=ro")
print(#db.query(ro, "SELECT * FROM t"))
print(err(db.execute, ro, "INSERT INTO t VALUES (1)"))
print(err(db.connect, "sqlite:missing.db?mode=rw"))
print(err(db.connect, "sqlite:x.db?mode=bogus"))
local m = db.connect("sqlite:whatever.db?mode=memory")
print(#db.query(m, "SELECT 1 AS one"))
`, [
    '0',
    'db.execute: attempt to write a readonly database (SQLITE_READONLY)',
    'db.connect: unable to open database file (SQLITE_CANTOPEN)',
    "db.connect: invalid sqlite mode 'bogus' (ro, rw, rwc or memory)",
    '1',
  ]);
  assert.ok(!existsSync(join(dir, 'whatever.db')));
  assert.ok(!existsSync(join(dir, 'missing.db')));
});

test('connect errors: MySQL, unknown schemes, bad arguments, unopenable files', () => {
  expectLines(`
print(err(db.connect, "mysql://u:p@localhost/db"))
print(err(db.connect, "mariadb://u:p@localhost/db"))
print(err(db.connect, "redis://localhost"))
print(err(db.connect, 42))
print(err(db.connect, "sqlite:/nonexistent-dir/x/y.db"))
print(err(db.connect, "sqlite::memory:", "opts"))
`, [
    'db.connect: MySQL is not supported (use PostgreSQL or SQLite)',
    'db.connect: MySQL is not supported (use PostgreSQL or SQLite)',
    'db.connect: unsupported database URL (expected postgres://, postgresql:// or sqlite:)',
    'db.connect: first argument must be a URL string',
    'db.connect: Cannot open database because the directory does not exist',
    'db.connect: options must be a table',
  ]);
});

test('a connection is an opaque userdata', () => {
  expectLines(`
local c = db.connect("sqlite::memory:")
print(type(c), tostring(c), getmetatable(c))
db.close(c)
print(tostring(c))
`, ['userdata\tdb.connection (sqlite)\tfalse', 'db.connection (closed)']);
});

// ---------------------------------------------------------------------------
// values

test('integers are exact to 64 bits, floats stay floats', () => {
  expectLines(`
local c = db.connect("sqlite::memory:")
db.execute(c, "CREATE TABLE n (i INTEGER, r REAL)")
for _, v in ipairs({9223372036854775807, -9223372036854775807 - 1, 9007199254740993, 0, -1}) do
  db.execute(c, "INSERT INTO n (i) VALUES (?)", {v})
end
local rows = db.query(c, "SELECT i FROM n")
for i = 1, #rows do io.write(show(rows[i].i), " ") end print()
print(show(db.query(c, "SELECT max(i) + 0 AS m FROM n")[1].m))
local f = db.query(c, "SELECT ? AS a, ? AS b, ? AS c, typeof(?) AS t1, typeof(?) AS t2", {1.0, 0.5, 2^63, 1.0, 1})[1]
print(show(f.a), show(f.b), show(f.c), f.t1, f.t2)
print(show(db.query(c, "SELECT 3.0 AS x, 7 / 2 AS y, 7 / 2.0 AS z")[1].x))
`, [
    '9223372036854775807:integer -9223372036854775808:integer 9007199254740993:integer 0:integer -1:integer ',
    '9223372036854775807:integer',
    '1.0:float\t0.5:float\t9.2233720368548e+18:float\treal\tinteger',
    '3.0:float',
  ]);
});

test('text is UTF-8, blobs are binary-safe both ways', () => {
  expectLines(`
local c = db.connect("sqlite::memory:")
db.execute(c, "CREATE TABLE b (t TEXT, d BLOB)")
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
db.execute(c, "INSERT INTO b VALUES (?, ?)", {"h\\u{e9}llo \\u{1F600}", all})
db.execute(c, "INSERT INTO b VALUES (?, ?)", {"nul\\0inside", "\\xff\\xfe"})
local r = db.query(c, "SELECT t, d, length(t) AS chars, typeof(d) AS ty FROM b")
print(r[1].t, #r[1].t, r[1].chars, r[1].d == all, #r[1].d, r[1].ty)
print(#r[2].t, hex(r[2].t), hex(r[2].d), r[2].ty)
print(db.query(c, "SELECT upper(?) AS u", {"\\u{e9}t\\u{e9}"})[1].u)
print(db.query(c, "SELECT '\\u{e9}' || ? AS s", {"\\u{e8}"})[1].s)
`, [
    bytes('héllo 😀\t11\t7\ttrue\t256\tblob'),
    '10\t6e756c00696e73696465\tfffe\tblob',
    bytes('éTé'),
    bytes('éè'),
  ]);
});

test('booleans, JSON columns, NULL and keep_null, column order', () => {
  expectLines(`
local c = db.connect("sqlite::memory:")
db.execute(c, "CREATE TABLE v (id INTEGER PRIMARY KEY, flag BOOLEAN, doc JSON, note TEXT)")
-- (a trailing nil is no element of a table constructor: table.pack counts it)
db.execute(c, "INSERT INTO v (flag, doc, note) VALUES (?, ?, ?)", table.pack(true, {a = {1, 2.5, "x"}, b = json.null}, nil))
db.execute(c, "INSERT INTO v (flag, doc, note) VALUES (?, ?, ?)", {false, '{"n": 9223372036854775807}', "n"})
local rows = db.query(c, "SELECT note, flag, doc, id FROM v ORDER BY id")
print(table.concat(rows.columns, ","), #rows)
print(row(rows, 1))
print(show(rows[1].doc.a), rows[1].doc.b, show(rows[2].doc.n))
local k = db.query(c, "SELECT note, flag FROM v ORDER BY id", nil, {keep_null = true})
print(show(k[1].note), k[1].note == json.null, show(k[2].note))
-- the columns list is not part of the array
local n = 0 for _ in pairs(rows) do n = n + 1 end
print(n, json.encode(db.query(c, "SELECT id, flag FROM v")))
print(json.encode(db.query(c, "SELECT id FROM v WHERE id < 0")), #db.query(c, "SELECT id FROM v WHERE id < 0").columns)
-- duplicate column names: the last one wins
print(show(db.query(c, "SELECT 1 AS x, 2 AS x")[1].x), show(db.query(c, "SELECT 1 AS x, NULL AS x")[1].x))
`, [
    'note,flag,doc,id\t2',
    'note=nil flag=true:boolean doc={} id=1:integer',
    '{1:integer,2.5:float,x:string}\tnil\t9223372036854775807:integer',
    'json.null\ttrue\tn:string',
    '2\t[{"flag":true,"id":1},{"flag":false,"id":2}]',
    '[]\t1',
    '2:integer\t1:integer',
  ]);
});

// ---------------------------------------------------------------------------
// parameters

test('parameters are bound, never interpolated', () => {
  expectLines(`
local c = db.connect("sqlite::memory:")
db.execute(c, "CREATE TABLE users (name TEXT)")
db.execute(c, "INSERT INTO users VALUES ('alice')")
local evil = "x'); DROP TABLE users; --"
db.execute(c, "INSERT INTO users VALUES (?)", {evil})
print(#db.query(c, "SELECT * FROM users WHERE name = ?", {"alice' OR '1'='1"}))
print(db.query(c, "SELECT name FROM users WHERE name = ?", {evil})[1].name)
print(#db.query(c, "SELECT * FROM users"))
`, ['0', "x'); DROP TABLE users; --", '2']);
});

test('parameter lists: nil binds NULL, holes and params.n, errors', () => {
  expectLines(`
local c = db.connect("sqlite::memory:")
print(row(db.query(c, "SELECT ? AS a, ? AS b, ? AS c", {1, nil, 3}), 1))
-- (keys set out of order, past the array part; string keys are no parameters)
local late = {x = "y"}
late[3] = 3
late[1] = 1
print(row(db.query(c, "SELECT ? AS a, ? AS b, ? AS c", late), 1))
print(row(db.query(c, "SELECT ? AS a, ? AS b", table.pack(1, nil)), 1))
print(row(db.query(c, "SELECT ? AS a", {json.null}), 1))
print(#db.query(c, "SELECT 1 AS one", {}), #db.query(c, "SELECT 1 AS one"))
print(err(db.query, c, "SELECT ?", "1"))
print(err(db.execute, c, "SELECT ?", 5))
print(err(db.query, c, "SELECT ?", {print}))
print(err(db.query, c, "SELECT ?", {coroutine.create(print)}))
print(err(db.query, c, "SELECT ?, ?", {1}))
print(err(db.query, c, "SELECT ?", {1, 2}))
`, [
    'a=1:integer b=nil c=3:integer',
    'a=1:integer b=nil c=3:integer',
    'a=1:integer b=nil',
    'a=nil',
    '1\t1',
    'db: params must be a table (array) or nil',
    'db: params must be a table (array) or nil',
    'db: unsupported parameter type: function',
    'db: unsupported parameter type: thread',
    'db.query: Too few parameter values were provided',
    'db.query: Too many parameter values were provided',
  ]);
});

// ---------------------------------------------------------------------------
// execute

test('execute: rows_affected, last_insert_id, several statements without parameters', () => {
  expectLines(`
local c = db.connect("sqlite::memory:")
local r = db.execute(c, [[
  CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);
  INSERT INTO t (v) VALUES ('a'), ('b'), ('c');
]])
print(r.rows_affected, r.last_insert_id)
r = db.execute(c, "INSERT INTO t (v) VALUES (?)", {"d"})
print(r.rows_affected, r.last_insert_id)
r = db.execute(c, "UPDATE t SET v = v || '!' WHERE id > ?", {1})
print(r.rows_affected, math.type(r.rows_affected))
print(db.execute(c, "DELETE FROM t").rows_affected, #db.query(c, "SELECT * FROM t"))
print(#db.query(c, "INSERT INTO t (v) VALUES ('e')"), #db.query(c, "SELECT * FROM t"))
print(db.query(c, "INSERT INTO t (v) VALUES ('f') RETURNING id, v")[1].v)
`, ['3\tnil', '1\t4', '3\tinteger', '4\t0', '0\t1', 'f']);
});

test('statements are prepared once per connection: a schema change after that is seen, a failed prepare is not kept', () => {
  expectLines(`
local c = db.connect("sqlite::memory:")
local function cols(rows) return table.concat(rows.columns, ",") end
db.execute(c, "CREATE TABLE t (a INTEGER)")
db.execute(c, "INSERT INTO t VALUES (?)", {1})
local r = db.query(c, "SELECT * FROM t")
print(cols(r), r[1].a)
-- the same text again, after a column was added
db.execute(c, "ALTER TABLE t ADD COLUMN b TEXT")
db.execute(c, "UPDATE t SET b = ?", {"x"})
r = db.query(c, "SELECT * FROM t")
print(cols(r), r[1].a, r[1].b)
-- as many columns as before, other names and types (a BOOLEAN column reads as a boolean)
db.execute(c, "DROP TABLE t")
db.execute(c, "CREATE TABLE t (z BOOLEAN, a INTEGER)")
db.execute(c, "INSERT INTO t VALUES (?, ?)", {true, 5})
r = db.query(c, "SELECT * FROM t")
print(cols(r), r[1].z, r[1].a)
-- a temporary table (its schema is counted apart)
db.execute(c, "CREATE TEMP TABLE tt (a INTEGER)")
print(cols(db.query(c, "SELECT * FROM tt")))
db.execute(c, "DROP TABLE tt")
db.execute(c, "CREATE TEMP TABLE tt (b TEXT)")
db.execute(c, "INSERT INTO tt VALUES (?)", {"y"})
r = db.query(c, "SELECT * FROM tt")
print(cols(r), r[1].b)
-- a statement that failed to prepare works once it can
print(pcall(db.query, c, "SELECT * FROM later"))
db.execute(c, "CREATE TABLE later (q INTEGER)")
db.execute(c, "INSERT INTO later VALUES (7)")
print(cols(db.query(c, "SELECT * FROM later")), db.query(c, "SELECT * FROM later")[1].q)
`, ['a\t1', 'a,b\t1\tx', 'z,a\ttrue\t5', 'a', 'b\ty', 'false\tdb.query: no such table: later (SQLITE_ERROR)', 'q\t7']);
});

// ---------------------------------------------------------------------------
// transactions

test('transactions: BEGIN/ROLLBACK by hand, db.transaction commits or rolls back and re-raises', () => {
  expectLines(`
local c = db.connect("sqlite::memory:")
db.execute(c, "CREATE TABLE acc (n INTEGER)")
db.execute(c, "INSERT INTO acc VALUES (10)")
db.execute(c, "BEGIN")
db.execute(c, "UPDATE acc SET n = 0")
db.execute(c, "ROLLBACK")
print(db.query(c, "SELECT n FROM acc")[1].n)
print(db.transaction(c, function(conn)
  assert(conn == c)
  db.execute(conn, "UPDATE acc SET n = n + 1")
  return "done", 2, nil
end))
print(db.query(c, "SELECT n FROM acc")[1].n)
local e = err(db.transaction, c, function()
  db.execute(c, "UPDATE acc SET n = 999")
  error("boom")
end)
print(e, db.query(c, "SELECT n FROM acc")[1].n)
local obj = {}
local ok, e2 = pcall(db.transaction, c, function() db.execute(c, "UPDATE acc SET n = 5") error(obj) end)
print(ok, e2 == obj, db.query(c, "SELECT n FROM acc")[1].n)
-- a failing statement inside: rolled back, the SQL error comes out
print(err(db.transaction, c, function()
  db.execute(c, "UPDATE acc SET n = 7")
  db.execute(c, "INSERT INTO nope VALUES (1)")
end), db.query(c, "SELECT n FROM acc")[1].n)
print(err(db.transaction, c, "not a function"))
print(select("#", db.transaction(c, function() end)))
`, [
    '10',
    'done\t2\tnil',
    '11',
    't.lua:17: boom\t11',
    'false\ttrue\t11',
    't.lua:26: db.execute: no such table: nope (SQLITE_ERROR)\t11',
    'db.transaction: second argument must be a function',
    '0',
  ]);
});

test('nested db.transaction calls use savepoints', () => {
  expectLines(`
local c = db.connect("sqlite::memory:")
db.execute(c, "CREATE TABLE acc (n INTEGER)")
db.execute(c, "INSERT INTO acc VALUES (0)")
local n = function() return db.query(c, "SELECT n FROM acc")[1].n end
print(db.transaction(c, function()
  db.execute(c, "UPDATE acc SET n = 1")
  local e = err(db.transaction, c, function() db.execute(c, "UPDATE acc SET n = 2") error("inner", 0) end)
  local after = n()
  db.transaction(c, function() db.execute(c, "UPDATE acc SET n = n + 10") end)
  return e, after, n()
end))
print(n())
print(err(db.transaction, c, function()
  db.transaction(c, function() db.execute(c, "UPDATE acc SET n = 100") end)
  error("outer", 0)
end), n())
`, ['inner\t1\t11', '11', 'outer\t11']);
});

// ---------------------------------------------------------------------------
// errors

test('errors: SQL errors with the result code, arguments, closed connections', () => {
  expectLines(`
local c = db.connect("sqlite::memory:")
db.execute(c, "CREATE TABLE u (k TEXT UNIQUE)")
db.execute(c, "INSERT INTO u VALUES ('a')")
print(err(db.query, c, "SELECT * FROM missing"))
print(err(db.execute, c, "INSERT INTO u VALUES ('a')"))
print(err(db.query, c, "SELEC 1"))
print(err(db.query, "not a connection", "SELECT 1"))
print(err(db.execute, {}, "SELECT 1"))
print(err(db.close, nil))
print(err(db.query, c, 42))
print(err(db.execute, c))
print(err(db.query, c, "SELECT 1", nil, "opts"))
db.close(c)
db.close(c)
print(err(db.query, c, "SELECT 1"))
print(err(db.execute, c, "SELECT 1"))
print(err(db.transaction, c, function() end))
print(err(db.query, c, "SELECT \\xff"))
`, [
    'db.query: no such table: missing (SQLITE_ERROR)',
    'db.execute: UNIQUE constraint failed: u.k (SQLITE_CONSTRAINT_UNIQUE)',
    'db.query: near "SELEC": syntax error (SQLITE_ERROR)',
    'db.query: first argument must be a db connection',
    'db.execute: first argument must be a db connection',
    'db.close: first argument must be a db connection',
    'db.query: second argument must be a SQL string',
    'db.execute: second argument must be a SQL string',
    'db.query: options must be a table',
    'db.query: connection is closed',
    'db.execute: connection is closed',
    'db.transaction: connection is closed',
    'db.query: connection is closed',
  ]);
});

test('an uncaught db error carries the position of the call', () => {
  const line = expectFailure(`
local c = db.connect("sqlite::memory:")
db.query(c, "SELECT * FROM missing")
`);
  assert.equal(line, 'assay: t.lua:3: db.query: no such table: missing (SQLITE_ERROR)');
});

// ---------------------------------------------------------------------------
// tasks and exit

test('queries from async.spawn tasks', () => {
  expectLines(`
local c = db.connect("sqlite::memory:")
db.execute(c, "CREATE TABLE t (task INTEGER, i INTEGER)")
local hs = {}
for k = 1, 4 do
  hs[k] = async.spawn(function()
    for i = 1, 3 do
      db.execute(c, "INSERT INTO t VALUES (?, ?)", {k, i})
      sleep(0.001)
    end
    return db.query(c, "SELECT count(*) AS n FROM t WHERE task = ?", {k})[1].n
  end)
end
for k = 1, 4 do io.write(hs[k]:await()[1], " ") end
print(db.query(c, "SELECT count(*) AS n FROM t")[1].n)
print(async.spawn(function()
  return db.transaction(c, function() db.execute(c, "DELETE FROM t") sleep(0.01) return "tx" end)
end):await()[1], db.query(c, "SELECT count(*) AS n FROM t")[1].n)
`, ['3 3 3 3 12', 'tx\t0']);
});

test('the process exits at once with connections left open, and the data is on disk', () => {
  const r = run(`
local c = db.connect("sqlite:exit.db")
db.execute(c, "CREATE TABLE IF NOT EXISTS t (x)")
db.execute(c, "INSERT INTO t VALUES (1)")
print("done")
`, { timeout: 10000 });
  assert.equal(r.err, '');
  assert.equal(r.status, 0);
  assert.equal(r.out, 'done\n');
  assert.ok(r.ms < 5000, `took ${r.ms} ms`);
  expectLines(`print(db.query(db.connect("sqlite:exit.db"), "SELECT count(*) AS n FROM t")[1].n)`, ['1']);
});

test('a file built by assay build: SQLite loads better-sqlite3 from node_modules, or says it cannot', () => {
  const src = join(dir, 'built.lua');
  writeFileSync(src, `local c = db.connect("sqlite::memory:")\nprint(db.query(c, "SELECT 40 + 2 AS n")[1].n)\n`);
  const out = join(dir, 'built.js');
  const b = spawnSync(launcher, ['build', 'built.lua', '-o', out], { cwd: dir, encoding: 'utf8' });
  assert.equal(b.status, 0, b.stderr);
  const lone = mkdtempSync(join(tmpdir(), 'assay-db-built-'));
  copyFileSync(out, join(lone, 'built.js'));
  const plain = spawnSync(process.execPath, [join(lone, 'built.js')], { cwd: lone, env: {}, encoding: 'utf8' });
  assert.equal(plain.status, 1);
  assert.match(plain.stderr, /^assay: built\.lua:1: db\.connect: sqlite is not available in this build \(the better-sqlite3 package cannot be found: install it next to the program with npm install better-sqlite3@12\)\n/);
  const withModules = spawnSync(process.execPath, [join(lone, 'built.js')], { cwd: lone, env: { NODE_PATH: join(root, 'node_modules') }, encoding: 'utf8' });
  assert.equal(withModules.stderr, '');
  assert.equal(withModules.stdout, '42\n');
});
