// The db builtin on PostgreSQL. Needs a server: ASSAY_TEST_PG_URL (a postgres:// URL of a
// database the tests may create tables in; .ci/postgres.sh starts a throwaway one and prints
// it). Every test is skipped, with the reason, when it is unset or the server does not answer.
// ASSAY_TEST_PG_SOCKET (a unix-socket directory of the same server) enables the socket test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytes, dir, expectLines, expectFailure, launcher, run } from './lua.mjs';

const url = process.env.ASSAY_TEST_PG_URL;
const socket = process.env.ASSAY_TEST_PG_SOCKET;

/** Why the tests cannot run (no URL, no server), or undefined. */
async function unavailable() {
  if (!url) return 'no PostgreSQL: set ASSAY_TEST_PG_URL (eval "$(.ci/postgres.sh start)" starts one)';
  const pg = createRequire(import.meta.url)('pg');
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
    await c.end();
    return undefined;
  } catch (e) {
    return `PostgreSQL at ASSAY_TEST_PG_URL is not reachable: ${e.message}`;
  }
}
const skip = await unavailable();
if (skip) console.log(`db/postgres: skipped: ${skip}`);

/** A test that runs only with a server; snippets get the URL as `...`. */
const pgTest = (name, fn) => test(name, { skip }, fn);
const opts = { args: [url ?? ''] };
const lines = (text, expected) => expectLines(`local url = ...\nlocal c = db.connect(url)\n${text}`, expected, opts);
/** The same snippet both ways a statement reaches the server: from the Lua thread (plain
 *  code with nothing else to run), and from the I/O worker (the snippet runs in a task). */
const linesBothWays = (text, expected, env = {}) => {
  expectLines(`local url = ...\nlocal c = db.connect(url)\n${text}`, expected, { ...opts, env });
  // (the same line numbers: the prelude is two lines either way)
  expectLines(`local url = ...\nasync.spawn(function() local c = db.connect(url)\n${text}\nend):await()`, expected, { ...opts, env });
};

// ---------------------------------------------------------------------------
// connecting

pgTest('URL forms: postgres://, postgresql://, a unix socket, sslmode=disable and prefer', () => {
  const u = new URL(url);
  const alt = url.replace(/^postgres:/, 'postgresql:');
  const sock = socket ? `postgres://${u.username}@/${u.pathname.slice(1)}?host=${encodeURIComponent(socket)}&port=${u.port}` : '';
  expectLines(`
local url, alt, sock = ...
local function one(u) local c = db.connect(u) local v = db.query(c, "SELECT 1 AS one")[1].one db.close(c) return v end
print(one(url), one(alt))
print(sock == "" and 1 or one(sock))
print(one(url .. "?sslmode=disable"), one(url .. "?sslmode=prefer&application_name=assay-test"))
print(one(url .. "?connect_timeout=5"))
`, ['1\t1', '1', '1\t1', '1'], { args: [url, alt, sock] });
});

pgTest('connect errors: bad password (28P01), nothing listening, bad sslmode, options', () => {
  const u = new URL(url);
  u.password = 'wrong';
  const closed = `postgres://x:y@127.0.0.1:1/db`;
  const r = expectLines(`
local bad, closed, url = ...
print((err(db.connect, bad):gsub('"[^"]*"', '"?"')))
print((err(db.connect, closed):gsub("ECONNREFUSED.*", "ECONNREFUSED")))
print(err(db.connect, url .. "?sslmode=bogus"))
print(err(db.connect, url, {connect_timeout = "soon"}))
print(err(db.connect, url, {ca_cert = 42}))
`, [
    'db.connect: password authentication failed for user "?" (28P01)',
    'db.connect: connect ECONNREFUSED',
    'db.connect: invalid sslmode value: "bogus"',
    "db.connect: option 'connect_timeout' must be a non-negative number of seconds",
    "db.connect: option 'ca_cert' must be a string",
  ], { args: [u.href, closed, url] });
  assert.ok(r.ms < 20000);
});

pgTest('TLS: sslmode, a CA as a file, as PEM text or as sslrootcert; an untrusted certificate fails', () => {
  const ca = process.env.ASSAY_TEST_PG_CA;
  if (!ca) {
    // (a server without TLS: .ci/postgres.sh gives it TLS when openssl is installed)
    expectLines(`print(err(db.connect, (...) .. "?sslmode=require"))`, ['db.connect: The server does not support SSL connections'], opts);
    return;
  }
  expectLines(`
local url, localhost, ca = ...
local function tls(u, o)
  local c = db.connect(u, o)
  local on = db.query(c, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")[1].ssl
  db.close(c)
  return on
end
print(tls(url .. "?sslmode=require"), tls(url .. "?sslmode=prefer"), tls(url .. "?sslmode=disable"), tls(url))
print(tls(url .. "?sslmode=verify-full", {ca_cert = ca}), tls(localhost .. "?sslmode=verify-full", {ca_cert = io.open(ca):read("a")}))
print(tls(url .. "?sslmode=verify-ca&sslrootcert=" .. ca), tls(url, {ca_cert_file = ca}))
print(err(db.connect, url .. "?sslmode=verify-full"))
print(err(db.connect, url .. "?sslmode=verify-full", {ca_cert = "/nonexistent/ca.pem"}))
`, [
    'true\ttrue\tfalse\tfalse',
    'true\ttrue',
    'true\ttrue',
    'db.connect: unable to verify the first certificate',
    "db.connect: cannot read the CA certificate '/nonexistent/ca.pem': no such file",
  ], { args: [url, url.replace('127.0.0.1', 'localhost'), ca] });
});

test('a server that never answers: connect_timeout (URL or option) ends the wait', async () => {
  // (runs without PostgreSQL: the kernel accepts the connection for a listener that never reads)
  const net = await import('node:net');
  const server = net.createServer(() => {});
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const silent = `postgres://u:p@127.0.0.1:${server.address().port}/db`;
  try {
    const r = expectLines(`
local silent = ...
print(err(db.connect, silent .. "?connect_timeout=1"))
print(err(db.connect, silent, {connect_timeout = 0.5}))
`, ['db.connect: timeout expired', 'db.connect: timeout expired'], { args: [silent], timeout: 20000 });
    assert.ok(r.ms < 10000, `took ${r.ms} ms`);
  } finally {
    server.close();
  }
});

pgTest('query_timeout: the server cancels the statement (57014), the session stays usable', () => {
  expectLines(`
local c = db.connect((...), {query_timeout = 0.2})
print(err(db.query, c, "SELECT pg_sleep(2)"))
print(db.query(c, "SELECT 1 AS one")[1].one)
`, ['db.query: canceling statement due to statement timeout (57014)', '1'], opts);
});

// ---------------------------------------------------------------------------
// values

pgTest('integers: int2/int4/int8 exact to 64 bits, both ways', () => {
  linesBothWays(`
local r = db.query(c, [[SELECT 9223372036854775807::int8 AS max, (-9223372036854775807 - 1)::int8 AS min,
  9007199254740993::int8 AS big, 32767::int2 AS s, 2147483647::int4 AS i, 42::oid AS o]])
print(row(r, 1))
local p = db.query(c, "SELECT $1::int8 AS a, $2::int8 AS b, $3::int8 - 1 AS c, $4::int4 AS d",
  {9223372036854775807, -9223372036854775807 - 1, 9007199254740993, -5})
print(row(p, 1))
print(show(db.query(c, "SELECT $1::int8 + 0 AS v", {"9223372036854775807"})[1].v))
`, [
    'max=9223372036854775807:integer min=-9223372036854775808:integer big=9007199254740993:integer s=32767:integer i=2147483647:integer o=42:integer',
    'a=9223372036854775807:integer b=-9223372036854775808:integer c=9007199254740992:integer d=-5:integer',
    '9223372036854775807:integer',
  ]);
});

pgTest('floats stay floats, numeric is a string, booleans', () => {
  linesBothWays(`
print(row(db.query(c, [[SELECT 1.0::float8 AS a, 0.1::float8 AS b, 1.5::float4 AS c, 'NaN'::float8 <> 'NaN'::float8 AS d,
  'Infinity'::float8 AS e, 12345678901234567890.123456789::numeric AS n, 1::numeric AS n1, true AS t, false AS f]]), 1))
print(row(db.query(c, "SELECT $1::float8 AS a, $2::float8 AS b, $3::numeric AS c, $4::bool AS d, $5::bool AS e",
  {2.0, 1/3, "0.10", true, false}), 1))
print(row(db.query(c, "SELECT $1::float8 * 2 AS a, $2::numeric + 1 AS b", {1e300, 2^63}), 1))
`, [
    'a=1.0:float b=0.1:float c=1.5:float d=false:boolean e=inf:float n=12345678901234567890.123456789:string n1=1:string t=true:boolean f=false:boolean',
    'a=2.0:float b=0.33333333333333:float c=0.10:string d=true:boolean e=false:boolean',
    // (a float parameter is sent in its shortest round-trip form: 2^63 as 9223372036854776000)
    'a=2e+300:float b=9223372036854776001:string',
  ]);
});

pgTest('text is UTF-8 both ways, in the SQL too', () => {
  linesBothWays(`
local r = db.query(c, "SELECT 'h\\u{e9}llo' AS lit, $1::text AS p, length($1::text) AS n, upper($2) AS u, $3::varchar AS v",
  {"\\u{1F600} \\u{e9}", "\\u{e9}t\\u{e9}", "plain"})
print(row(r, 1))
print(err(db.query, c, "SELECT $1::text", {"\\xff\\xfe"}))
`, [
    bytes('lit=héllo:string p=😀 é:string n=3:integer u=ÉTÉ:string v=plain:string'),
    'db.query: invalid byte sequence for encoding "UTF8": 0xff (22021)',
  ]);
});

pgTest('bytea is binary-safe both ways (NUL, backslashes, bytes that are not UTF-8)', () => {
  linesBothWays(`
db.execute(c, "CREATE TEMP TABLE b (id int, d bytea)")
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
local samples = {all, "a\\\\x41\\0b", "\\\\x41", "plain", "", "\\\\\\\\", "\\u{e9}"}
for i, s in ipairs(samples) do db.execute(c, "INSERT INTO b VALUES ($1, $2)", {i, s}) end
local rows = db.query(c, "SELECT id, d, length(d) AS n FROM b ORDER BY id")
for i, r in ipairs(rows) do io.write(tostring(r.d == samples[i]), ":", r.n, " ") end print()
print(hex(db.query(c, "SELECT '\\\\x00ff'::bytea AS d")[1].d), db.query(c, "SELECT $1::bytea = '\\\\x41'::bytea AS eq", {"A"})[1].eq)
`, ['true:256 true:7 true:4 true:5 true:0 true:2 true:2 ', '00ff\ttrue']);
});

pgTest('json and jsonb: tables both ways, integers and floats kept', () => {
  linesBothWays(`
local r = db.query(c, [[SELECT '{"a": [1, 2.0, null], "b": {"c": "\\u00e9"}, "n": 9223372036854775807}'::jsonb AS j,
  '[true, "x"]'::json AS k, 'null'::jsonb AS z]])[1]
print(show(r.j.a), r.j.b.c, show(r.j.n), show(r.k), show(r.z))
local p = db.query(c, "SELECT $1::jsonb AS j, $2::json AS k, $3::jsonb -> 'x' AS x, $4 AS t",
  {{x = {1, 2.5}, y = "y"}, {1, 2}, '{"x": "a\\\\"b"}', {q = 1}})[1]
print(json.encode(p.j), json.encode(p.k), show(p.x), p.t)
db.execute(c, "CREATE TEMP TABLE docs (doc jsonb)")
db.execute(c, "INSERT INTO docs VALUES ($1)", {{name = "n", tags = {"a", "b"}, empty = json.object()}})
print(json.encode(db.query(c, "SELECT doc FROM docs")[1].doc))
`, [
    bytes('{1:integer,2.0:float}\té\t9223372036854775807:integer\t{true:boolean,x:string}\tnil'),
    '{"x":[1,2.5],"y":"y"}\t[1,2]\ta"b:string\t{"q":1}',
    '{"empty":{},"name":"n","tags":["a","b"]}',
  ]);
});

pgTest('timestamps as ISO-8601 strings, dates and times as PostgreSQL writes them', () => {
  linesBothWays(`
db.execute(c, "SET TIME ZONE 'UTC'")
print(row(db.query(c, [[SELECT '2024-01-02 03:04:05.123456+00'::timestamptz AS tz, '2024-01-02 03:04:05'::timestamp AS ts,
  '2024-02-29'::date AS d, '13:14:15'::time AS t, 'infinity'::timestamp AS inf]]), 1))
db.execute(c, "SET TIME ZONE 'Asia/Kolkata'")
print(db.query(c, "SELECT '2024-06-01 12:00:00Z'::timestamptz AS tz")[1].tz)
print(db.query(c, "SELECT $1::timestamptz = '2024-01-02T03:04:05Z'::timestamptz AS same", {"2024-01-02T03:04:05Z"})[1].same)
`, [
    'tz=2024-01-02T03:04:05.123456Z:string ts=2024-01-02T03:04:05:string d=2024-02-29:string t=13:14:15:string inf=infinity:string',
    '2024-06-01T17:30:00+05:30',
    'true',
  ]);
});

pgTest('arrays both ways: NULL elements, nesting, text with quotes, JSON elements', () => {
  linesBothWays(`
local r = db.query(c, [=[SELECT ARRAY[1, NULL, 3] AS i, ARRAY[[1.5, 2], [3, 4]]::float8[] AS f, ARRAY['a"b', 'c,d', NULL] AS t,
  ARRAY['{"k": 1}']::jsonb[] AS j, '{}'::int[] AS e, ARRAY[9223372036854775807]::int8[] AS b]=])
print(row(r, 1), r[1].j[1].k)
local k = db.query(c, "SELECT ARRAY[1, NULL]::int[] AS i", nil, {keep_null = true})[1].i
print(#k, k[2] == json.null)
local p = db.query(c, "SELECT $1::int[] AS i, $2::text[] AS t, array_length($3::int[], 1) AS n, $4::float8[] AS f, $5::int[][] AS m",
  {{1, 2, 3}, {'x"y', "a\\\\b", "\\u{e9}"}, {}, {0.5, 1.0}, {{1, 2}, {3, 4}}})
print(row(p, 1))
print(#db.query(c, "SELECT * FROM generate_series(1, 10) g WHERE g = ANY($1)", {{2, 4, 6}}))
`, [
    bytes('i={1:integer,nil,3:integer} f={{1.5:float,2.0:float},{3.0:float,4.0:float}} t={a"b:string,c,d:string} j={{}} e={} b={9223372036854775807:integer}\t1'),
    '2\ttrue',
    bytes('i={1:integer,2:integer,3:integer} t={x"y:string,a\\b:string,é:string} n=nil f={0.5:float,1.0:float} m={{1:integer,2:integer},{3:integer,4:integer}}'),
    '3',
  ]);
});

pgTest('NULL: absent by default, json.null with keep_null; rows.columns keeps the order', () => {
  linesBothWays(`
local r = db.query(c, "SELECT 1 AS z, NULL::text AS a, 2 AS m")
print(table.concat(r.columns, ","), row(r, 1), r[1].a)
local k = db.query(c, "SELECT NULL::int AS a, NULL::jsonb AS j", nil, {keep_null = true})[1]
print(k.a == json.null, k.j == json.null, json.encode(k))
print(json.encode(db.query(c, "SELECT 1 AS x WHERE false")), #db.query(c, "SELECT 1 AS x WHERE false").columns)
print(show(db.query(c, "SELECT $1::int AS v", table.pack(nil))[1].v), show(db.query(c, "SELECT $1::int IS NULL AS v", {json.null})[1].v))
-- the same name twice: the last column's value, unless it is NULL
print(show(db.query(c, "SELECT 1 AS x, 2 AS x")[1].x), show(db.query(c, "SELECT 1 AS x, NULL::int AS x")[1].x))
-- no columns at all
local none = db.query(c, "SELECT FROM generate_series(1, 3)")
print(#none, next(none[1]), #none.columns)
`, ['z,a,m\tz=1:integer a=nil m=2:integer\tnil', 'true\ttrue\t{"a":null,"j":null}', '[]\t1', 'nil\ttrue:boolean', '2:integer\t1:integer', '3\tnil\t0']);
});

pgTest('big results (they cross in batches): every row, in order, NULLs in place; several statements', () => {
  linesBothWays(`
local r = db.query(c, "SELECT g AS i, CASE WHEN g % 3 = 0 THEN NULL ELSE 'v' || g END AS t, g * 0.5::float8 AS f FROM generate_series(1, 20000) g")
local sum, nulls, ok = 0, 0, true
for i, row in ipairs(r) do
  sum = sum + row.i
  if row.t == nil then nulls = nulls + 1 elseif row.t ~= "v" .. i then ok = false end
  if row.i ~= i or row.f ~= i * 0.5 then ok = false end
end
print(#r, sum, nulls, ok, show(r[8192].i), show(r[8194].t), show(r[20000].f))
local k = db.query(c, "SELECT CASE WHEN g % 2 = 0 THEN NULL ELSE g END AS v FROM generate_series(1, 17000) g", nil, {keep_null = true})
local kn = 0
for _, row in ipairs(k) do if row.v == json.null then kn = kn + 1 end end
print(#k, kn)
local m = db.query(c, "SELECT g FROM generate_series(1, 10000) g; SELECT g * 2 AS d FROM generate_series(1, 3) g")
print(#m, table.concat(m.columns, ","), m[3].d)
local m2 = db.query(c, "SELECT g FROM generate_series(1, 9000) g; CREATE TEMP TABLE after_select (x int)")
print(#m2, m2[9000].g)
`, ['20000\t200010000\t6666\ttrue\t8192:integer\tv8194:string\t10000.0:float', '17000\t8500', '3\td\t6', '9000\t9000']);
});

// ---------------------------------------------------------------------------
// parameters, execute

pgTest('parameters are bound, never interpolated', () => {
  linesBothWays(`
db.execute(c, "CREATE TEMP TABLE users (name text)")
db.execute(c, "INSERT INTO users VALUES ('alice')")
local evil = "x'); DROP TABLE users; --"
db.execute(c, "INSERT INTO users VALUES ($1)", {evil})
print(#db.query(c, "SELECT * FROM users WHERE name = $1", {"alice' OR '1'='1"}))
print(db.query(c, "SELECT name FROM users WHERE name = $1", {evil})[1].name, #db.query(c, "SELECT * FROM users"))
print(#db.query(c, "SELECT * FROM users WHERE name = $1", {"\\\\' OR 1=1 --"}))
print(err(db.query, c, "SELECT $1", {print}))
print(err(db.query, c, "SELECT $1", 7))
print(err(db.query, c, "SELECT $1::int, $2::int", {1}))
`, [
    '0',
    "x'); DROP TABLE users; --\t2",
    '0',
    'db: unsupported parameter type: function',
    'db: params must be a table (array) or nil',
    'db.query: bind message supplies 1 parameters, but prepared statement "" requires 2 (08P01)',
  ]);
});

pgTest('execute: rows_affected (no last_insert_id: use RETURNING), several statements without parameters', () => {
  linesBothWays(`
local r = db.execute(c, "CREATE TEMP TABLE t (id serial PRIMARY KEY, v text); INSERT INTO t (v) VALUES ('a'), ('b'), ('c')")
print(r.rows_affected, r.last_insert_id)
print(db.execute(c, "UPDATE t SET v = v || $1 WHERE id > $2", {"!", 1}).rows_affected)
print(db.query(c, "INSERT INTO t (v) VALUES ($1) RETURNING id", {"d"})[1].id)
print(db.execute(c, "DELETE FROM t").rows_affected, #db.query(c, "SELECT * FROM t"))
print(#db.query(c, "SELECT 1 AS a; SELECT 2 AS b, 3 AS c"), db.query(c, "SELECT 1 AS a; SELECT 2 AS b")[1].b)
`, ['3\tnil', '2', '4', '4\t0', '1\t2']);
});

// ---------------------------------------------------------------------------
// prepared statements: a parameterised statement is parsed once per connection

/** Lua: the number of the session's prepared statements the server holds. */
const PREPARED = `local function prepared() return db.query(c, "SELECT count(*) AS n FROM pg_prepared_statements WHERE $1", {true})[1].n end`;

pgTest('prepared statements: once per SQL text; a statement whose Parse failed is not kept', () => {
  linesBothWays(`${PREPARED}
db.execute(c, "CREATE TEMP TABLE ps (n int)")
for i = 1, 3 do db.execute(c, "INSERT INTO ps VALUES ($1)", {i}) end
print(prepared(), prepared())
print(err(db.execute, c, "INSERT INTO ps VALUE ($1)", {4}))
print(err(db.execute, c, "INSERT INTO ps VALUE ($1)", {4}))
-- a new statement in a failed transaction is not parsed: it is prepared when next used
local fresh = "INSERT INTO ps VALUES ($1 + 100)"
db.execute(c, "BEGIN")
err(db.query, c, "SELECT 1/0")
print(err(db.execute, c, fresh, {1}))
db.execute(c, "ROLLBACK")
db.transaction(c, function() db.execute(c, fresh, {2}) end)
print(db.query(c, "SELECT max(n) AS m FROM ps")[1].m, prepared())
`, [
    '2\t2',
    'db.execute: syntax error at or near "VALUE" (42601)',
    'db.execute: syntax error at or near "VALUE" (42601)',
    'db.execute: current transaction is aborted, commands ignored until end of transaction block (25P02)',
    '102\t3',
  ]);
});

pgTest('prepared statements: DEALLOCATE ALL and DISCARD ALL forget them; one deallocated by name is prepared again', () => {
  linesBothWays(`${PREPARED}
db.execute(c, "DROP TABLE IF EXISTS assay_ps; CREATE TABLE assay_ps (n int)")
local ins = "INSERT INTO assay_ps VALUES ($1)"
-- (in a transaction, a statement the server forgot would fail)
local function insert(n) db.transaction(c, function() db.execute(c, ins, {n}) end) end
insert(1)
db.execute(c, "DEALLOCATE ALL")
insert(2)
db.execute(c, "DISCARD ALL")
insert(3)
db.execute(c, "SELECT 1; DEALLOCATE ALL")
insert(4)
print(prepared())
local name = db.query(c, "SELECT name FROM pg_prepared_statements WHERE statement = $1", {ins})[1].name
db.execute(c, "DEALLOCATE " .. name)
db.execute(c, ins, {5})
insert(6)
print(db.query(c, "SELECT string_agg(n::text, ',' ORDER BY n) AS s FROM assay_ps")[1].s)
db.execute(c, "DROP TABLE assay_ps")
`, ['2', '1,2,3,4,5,6']);
});

pgTest('prepared statements: at most 100 per connection, the least recently used closed on the server', () => {
  linesBothWays(`${PREPARED}
local first = "SELECT $1::int + 0 AS n"
for i = 0, 149 do
  assert(db.query(c, "SELECT $1::int + " .. i .. " AS n", {i})[1].n == 2 * i)
  db.query(c, first, {7})
end
prepared()
print(prepared())
print(db.query(c, first, {7})[1].n, db.query(c, "SELECT $1::int + 1 AS n", {1})[1].n)
`, ['100', '7\t2']);
});

pgTest('prepared statements: a table altered under a statement (prepared again outside a transaction, an error once inside)', () => {
  linesBothWays(`
db.execute(c, "CREATE TEMP TABLE alt (id int, a text); INSERT INTO alt VALUES (1, 'x')")
local sel = "SELECT * FROM alt WHERE id = $1"
local function cols() return table.concat(db.query(c, sel, {1}).columns, ",") end
print(cols())
db.execute(c, "ALTER TABLE alt ADD COLUMN b int")
print(cols())
db.execute(c, "BEGIN")
db.execute(c, "ALTER TABLE alt ADD COLUMN c int")
print(err(db.query, c, sel, {1}))
db.execute(c, "ROLLBACK")
print(cols())
-- a parameter's type changes
local ins = "INSERT INTO alt (id, a) VALUES ($1, $2)"
db.execute(c, ins, {2, "y"})
db.execute(c, "ALTER TABLE alt ALTER COLUMN id TYPE text")
db.execute(c, ins, {"three", "z"})
print(db.query(c, "SELECT string_agg(id, ',' ORDER BY a) AS s FROM alt")[1].s)
`, [
    'id,a',
    'id,a,b',
    'db.query: cached plan must not change result type (0A000)',
    'id,a,b',
    '1,2,three',
  ]);
});

pgTest('prepared statements: each connection has its own', () => {
  linesBothWays(`
db.execute(c, "DROP TABLE IF EXISTS assay_ps2; CREATE TABLE assay_ps2 (n int)")
local ins = "INSERT INTO assay_ps2 VALUES ($1)"
local function insert(conn, n) db.transaction(conn, function() db.execute(conn, ins, {n}) end) end
insert(c, 1)
local other = db.connect(url)
insert(other, 2)
db.close(c)
c = db.connect(url)
insert(c, 3)
insert(other, 4)
print(db.query(c, "SELECT string_agg(n::text, ',' ORDER BY n) AS s FROM assay_ps2")[1].s)
db.execute(c, "DROP TABLE assay_ps2")
`, ['1,2,3,4']);
});

// ---------------------------------------------------------------------------
// transactions

pgTest('transactions: one session per connection; db.transaction commits, or rolls back and re-raises', () => {
  linesBothWays(`
local other = db.connect(url)
db.execute(c, "DROP TABLE IF EXISTS assay_tx; CREATE TABLE assay_tx (n int); INSERT INTO assay_tx VALUES (10)")
db.execute(c, "BEGIN")
db.execute(c, "UPDATE assay_tx SET n = 0")
print(db.query(c, "SELECT n FROM assay_tx")[1].n, db.query(other, "SELECT n FROM assay_tx")[1].n)
db.execute(c, "ROLLBACK")
print(db.query(c, "SELECT n FROM assay_tx")[1].n)
print(db.transaction(c, function(conn)
  db.execute(conn, "UPDATE assay_tx SET n = n + 1")
  return "ok", db.query(other, "SELECT n FROM assay_tx")[1].n
end))
print(db.query(other, "SELECT n FROM assay_tx")[1].n)
print(err(db.transaction, c, function() db.execute(c, "UPDATE assay_tx SET n = 99") error("boom") end))
print(err(db.transaction, c, function() db.execute(c, "UPDATE assay_tx SET n = 98") db.query(c, "SELECT 1/0") end))
print(db.query(other, "SELECT n FROM assay_tx")[1].n, db.query(c, "SELECT n FROM assay_tx")[1].n)
db.execute(c, "DROP TABLE assay_tx")
`, [
    '0\t10',
    '10',
    'ok\t10',
    '11',
    't.lua:16: boom',
    't.lua:17: db.query: division by zero (22012)',
    '11\t11',
  ]);
});

pgTest('nested db.transaction calls use savepoints', () => {
  linesBothWays(`
db.execute(c, "CREATE TEMP TABLE acc (n int); INSERT INTO acc VALUES (0)")
local n = function() return db.query(c, "SELECT n FROM acc")[1].n end
print(db.transaction(c, function()
  db.execute(c, "UPDATE acc SET n = 1")
  local e = err(db.transaction, c, function() db.execute(c, "UPDATE acc SET n = 2") db.query(c, "SELECT 1/0") end)
  local after = n()
  db.transaction(c, function() db.execute(c, "UPDATE acc SET n = n + 10") end)
  return e, after, n()
end))
print(n(), db.query(c, "SELECT now() = statement_timestamp() AS outside")[1].outside)
`, ['t.lua:8: db.query: division by zero (22012)\t1\t11', '11\ttrue']);
});

// ---------------------------------------------------------------------------
// errors

pgTest('errors: the server message and SQLSTATE; arguments; closed connections', () => {
  lines(`
db.execute(c, "CREATE TEMP TABLE u (k text UNIQUE)")
db.execute(c, "INSERT INTO u VALUES ('a')")
print(err(db.query, c, "SELECT * FROM x"))
print(err(db.execute, c, "INSERT INTO u VALUES ($1)", {"a"}))
print(err(db.query, c, "SELEC 1"))
print(err(db.query, c, "SELECT $1::int", {"nope"}))
print(err(db.query, 1, "SELECT 1"))
print(err(db.query, c, nil))
db.close(c)
db.close(c)
print(err(db.query, c, "SELECT 1"))
print(err(db.execute, c, "SELECT 1"))
`, [
    'db.query: relation "x" does not exist (42P01)',
    'db.execute: duplicate key value violates unique constraint "u_k_key" (23505)',
    'db.query: syntax error at or near "SELEC" (42601)',
    'db.query: invalid input syntax for type integer: "nope" (22P02)',
    'db.query: first argument must be a db connection',
    'db.query: second argument must be a SQL string',
    'db.query: connection is closed',
    'db.execute: connection is closed',
  ]);
  assert.equal(expectFailure(`local c = db.connect((...))\ndb.query(c, "SELECT * FROM x")`, opts), 'assay: t.lua:2: db.query: relation "x" does not exist (42P01)');
});

pgTest('a dropped connection is an error, not a hang', () => {
  const r = lines(`
local killer = db.connect(url)
local pid = db.query(c, "SELECT pg_backend_pid() AS p")[1].p
local h = async.spawn(function() return pcall(db.query, c, "SELECT pg_sleep(30)") end)
sleep(0.2)
print(db.query(killer, "SELECT pg_terminate_backend($1) AS ok", {pid})[1].ok)
local res = h:await()
print(res[1], res[2])
-- (why pg saw the socket close: the server's message, or "Connection terminated unexpectedly")
print(err(db.query, c, "SELECT 1"):match("^db.query: connection lost: ") ~= nil)
`, [
    'true',
    'false\tdb.query: terminating connection due to administrator command (57P01)',
    'true',
  ]);
  assert.ok(r.ms < 15000, `took ${r.ms} ms`);
});

pgTest('closing a connection a task is waiting on fails that query at once', () => {
  const r = lines(`
local h = async.spawn(function() return pcall(db.query, c, "SELECT pg_sleep(30)") end)
sleep(0.1)
db.close(c)
local res = h:await()
print(res[1], res[2])
print(err(db.transaction, db.connect(url), function(conn) db.close(conn) end))
`, ['false\tdb.query: connection was closed', 'db.transaction: connection was closed inside the transaction']);
  assert.ok(r.ms < 10000, `took ${r.ms} ms`);
});

// ---------------------------------------------------------------------------
// the Lua thread and the worker: plain code with nothing else to run speaks to the server
// itself; a task's statements go through the I/O worker. One session either way.

/** Lua: runs f in a task (its statements go through the worker) and returns its results. */
const IN_TASK = `local function inTask(f) return table.unpack(async.spawn(f):await()) end`;

pgTest('a connection moves between the Lua thread and the worker with its transaction and prepared statements', () => {
  lines(`${IN_TASK}
${PREPARED}
db.execute(c, "CREATE TEMP TABLE moves (v int)")
local ins = "INSERT INTO moves VALUES ($1)"
db.execute(c, "BEGIN")
db.execute(c, ins, {1})
print(inTask(function()
  db.execute(c, ins, {2})
  return db.query(c, "SELECT count(*) AS n FROM moves")[1].n, db.query(c, "SELECT $1::int AS v", {7})[1].v
end))
db.execute(c, ins, {3})
print(db.query(c, "SELECT sum(v) AS s FROM moves")[1].s)
db.execute(c, "ROLLBACK")
print(db.query(c, "SELECT count(*) AS n FROM moves")[1].n)
-- each side prepares what it runs; neither reuses a name the other has
print(prepared() >= 3)
-- a failed transaction block seen from the other side
db.execute(c, "BEGIN")
print(err(db.query, c, "SELECT 1/0"))
print(inTask(function() return err(db.query, c, "SELECT $1::int AS v", {1}) end))
db.execute(c, "ROLLBACK")
print(inTask(function() return db.query(c, "SELECT $1::int AS v", {2})[1].v end), db.query(c, "SELECT $1::int AS v", {3})[1].v)
`, [
    '2\t7',
    '6',
    '0',
    'true',
    'db.query: division by zero (22012)',
    'db.query: current transaction is aborted, commands ignored until end of transaction block (25P02)',
    '2\t3',
  ]);
});

pgTest('DEALLOCATE ALL on either side: the other prepares its statements again, inside a transaction too', () => {
  lines(`${IN_TASK}
local q = "SELECT $1::int + 1 AS v"
-- the worker prepared q; the Lua thread deallocates; in a transaction block the worker runs q again
print(inTask(function() return db.query(c, q, {1})[1].v end))
db.execute(c, "DEALLOCATE ALL")
db.execute(c, "BEGIN")
print(inTask(function() return db.query(c, q, {2})[1].v end))
db.execute(c, "COMMIT")
-- and the other way round
print(db.query(c, q, {3})[1].v)
inTask(function() db.execute(c, "DISCARD ALL") db.execute(c, "BEGIN") end)
print(db.query(c, q, {4})[1].v)
db.execute(c, "COMMIT")
`, ['2', '3', '4', '5']);
});

pgTest('a session the server ends while the Lua thread holds it: its message, then "connection lost"', () => {
  lines(`
local killer = db.connect(url)
local pid = db.query(c, "SELECT pg_backend_pid() AS p")[1].p
print(db.query(killer, "SELECT pg_terminate_backend($1) AS ok", {pid})[1].ok)
print(err(db.query, c, "SELECT 1"))
print(err(db.query, c, "SELECT 1"))
print(err(db.execute, c, "SELECT 1"))
print(db.query(killer, "SELECT 1 AS v")[1].v)
`, [
    'true',
    'db.query: terminating connection due to administrator command (57P01)',
    'db.query: connection lost: terminating connection due to administrator command (57P01)',
    'db.execute: connection lost: terminating connection due to administrator command (57P01)',
    '1',
  ]);
});

pgTest('COPY, notices and server messages on the Lua thread', () => {
  lines(`
db.execute(c, "CREATE TEMP TABLE cp (v int); INSERT INTO cp VALUES (1), (2)")
print(err(db.execute, c, "COPY cp FROM STDIN"))
print(db.execute(c, "COPY cp TO STDOUT").rows_affected)
print(db.query(c, "DO $$ BEGIN RAISE NOTICE 'hello'; END $$; SELECT 5 AS v")[1].v)
db.execute(c, "SET application_name = 'moved'")
print(db.query(c, "SELECT current_setting('application_name') AS a")[1].a)
print(#db.query(c, ""), db.execute(c, ";").rows_affected)
`, [
    'db.execute: COPY from stdin failed: COPY FROM STDIN is not supported (57014)',
    '2',
    '5',
    'moved',
    '0\t0',
  ]);
});

pgTest('big parameters and values: written and read in pieces', () => {
  linesBothWays(`
db.execute(c, "CREATE TEMP TABLE big (t text)")
local s = string.rep("abcdefgh", 1000000)
db.execute(c, "INSERT INTO big VALUES ($1)", {s})
local r = db.query(c, "SELECT t, length(t) AS n FROM big")[1]
print(r.n, r.t == s)
-- (the buffer grown for that row is let go: the next answers read as well)
print(db.query(c, "SELECT 1 AS one, repeat('y', 70000) AS y")[1].one, #db.query(c, "SELECT t FROM big")[1].t)
`, ['8000000\ttrue', '1\t8000000']);
});

pgTest('a result past the memory limit fails that query; the session goes on', () => {
  linesBothWays(`
local ok, e = pcall(db.query, c, "SELECT g, repeat('x', 100) AS t FROM generate_series(1, 300000) g")
print(ok, e)
print(db.query(c, "SELECT 5 AS v")[1].v)
`, ['false\tnot enough memory', '5'], { ASSAY_MEMORY_LIMIT: '16' });
});

pgTest('a server that stops answering: query_timeout ends the wait, and the connection is lost', () => {
  // (SIGSTOP to the session's backend process; SIGCONT once the timeout has been seen)
  linesBothWays(`
-- runs f(conn, ...) on a new connection whose server process is stopped meanwhile
local function stopped(f, ...)
  local conn = db.connect(url, {query_timeout = 0.3})
  local pid = db.query(conn, "SELECT pg_backend_pid() AS p")[1].p
  assert(shell.exec("kill -STOP " .. pid).status == 0)
  local e = err(f, conn, ...)
  assert(shell.exec("kill -CONT " .. pid).status == 0)
  return e, conn
end
local t0 = time()
local e, t = stopped(db.query, "SELECT 1")
print(e, time() - t0 < 5)
print(err(db.query, t, "SELECT 1"))
-- the same while a statement too big for the socket's buffers is being sent
local we, w = stopped(db.query, "SELECT length($1) AS n", {string.rep("x", 16 * 1024 * 1024)})
print(we)
print(err(db.query, w, "SELECT 1"))
`, [
    'db.query: query timed out: the server did not answer\ttrue',
    'db.query: connection lost: the server did not answer in time',
    'db.query: query timed out: the server did not answer',
    'db.query: connection lost: the server did not answer in time',
  ]);
});

/** Runs `text` in worker mode (ASSAY_WORKER=1, as process 1 in a container) with the URL,
 *  sends SIGTERM 100 ms after it printed "ready"; its output, errors and exit code. */
function runSignalled(text) {
  const file = join(mkdtempSync(join(tmpdir(), 'assay-pg-sig-')), 'sig.lua');
  writeFileSync(file, text);
  return new Promise((resolve) => {
    const p = spawn(launcher, ['run', file, url], { env: { ...process.env, ASSAY_WORKER: '1' } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += d;
      if (out === 'ready\n') setTimeout(() => p.kill('SIGTERM'), 100);
    });
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ out, err, code }));
  });
}

pgTest('SIGTERM (worker mode) interrupts a statement at once, on the Lua thread and through the worker', async () => {
  for (const prelude of ['', '-- a task: statements go through the worker\nasync.spawn(function() sleep(100) end)']) {
    const start = `local c = db.connect((...))\n${prelude}\ndb.query(c, "SELECT 1")\nprint("ready")\nio.stdout:flush()\n`;
    const caught = await runSignalled(`${start}local t0 = time()
local ok, e = pcall(db.query, c, "SELECT pg_sleep(5)")
print(ok, e, time() - t0 < 2)
`);
    assert.equal(caught.err, '');
    assert.equal(caught.out, 'ready\nfalse\tinterrupted (SIGTERM)\ttrue\n');
    assert.equal(caught.code, 0);
    // uncaught: the run ends with 128 + 15, as for any wait
    const uncaught = await runSignalled(`${start}db.query(c, "SELECT pg_sleep(5)")\n`);
    assert.equal(uncaught.code, 143);
    assert.match(uncaught.err, /^assay: interrupted \(SIGTERM\)\nstack traceback:\n\t\[C\]: in field 'query'\n/);
  }
});

// ---------------------------------------------------------------------------
// tasks and exit

pgTest('tasks: each waits only for itself; tasks may share a connection', () => {
  const r = lines(`
local t0 = time()
local hs = {}
for i = 1, 4 do
  hs[i] = async.spawn(function()
    local own = db.connect(url)
    local v = db.query(own, "SELECT pg_sleep(0.5), $1::int AS i", {i})[1].i
    db.close(own)
    return v
  end)
end
local shared = {}
for i = 1, 3 do shared[i] = async.spawn(function() return db.query(c, "SELECT $1::int * 10 AS v", {i})[1].v end) end
for i = 1, 4 do io.write(hs[i]:await()[1], " ") end
for i = 1, 3 do io.write(shared[i]:await()[1], " ") end
print(time() - t0 < 1.5)
print(async.spawn(function() return db.transaction(c, function() sleep(0.01) return db.query(c, "SELECT 5 AS v")[1].v end) end):await()[1])
`, ['1 2 3 4 10 20 30 true', '5']);
  assert.ok(r.ms < 10000);
});

pgTest('the process exits at once, and the server sees the sessions end', () => {
  const marker = `assay-exit-${process.pid}`;
  const r = run(`
local url, marker = ...
local c = db.connect(url .. "?application_name=" .. marker)
local d = db.connect(url .. "?application_name=" .. marker)
db.query(c, "SELECT 1")
async.spawn(function() db.query(d, "SELECT pg_sleep(60)") end)
sleep(0.1)
print("done")
`, { args: [url, marker], timeout: 20000 });
  assert.equal(r.err, '');
  assert.equal(r.out, 'done\n');
  assert.equal(r.status, 0);
  assert.ok(r.ms < 5000, `took ${r.ms} ms`);
  // (the backend running pg_sleep ends when it notices the client is gone)
  expectLines(`
local url, marker = ...
local c = db.connect(url)
for _ = 1, 100 do
  local n = db.query(c, "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle'", {marker})[1].n
  if n == 0 then break end
  sleep(0.05)
end
print(db.query(c, "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle'", {marker})[1].n)
`, ['0'], { args: [url, marker] });
});

pgTest('a file built by assay build reaches PostgreSQL with nothing beside it (pg is embedded)', () => {
  writeFileSync(join(dir, 'pgbuilt.lua'), `local c = db.connect((...))\nprint(db.query(c, "SELECT $1::int8 * 2 AS n", {21})[1].n)\n`);
  const b = spawnSync(launcher, ['build', 'pgbuilt.lua', '-o', 'pgbuilt.js'], { cwd: dir, encoding: 'utf8' });
  assert.equal(b.status, 0, b.stderr);
  const lone = mkdtempSync(join(tmpdir(), 'assay-db-built-'));
  copyFileSync(join(dir, 'pgbuilt.js'), join(lone, 'pgbuilt.js'));
  const r = spawnSync(process.execPath, [join(lone, 'pgbuilt.js'), url], { cwd: lone, env: {}, encoding: 'utf8', timeout: 30000 });
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, '42\n');
});
