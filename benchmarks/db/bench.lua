-- The db benchmark, assay side (run.mjs runs it and raw.mjs, the same work on the driver
-- directly): 10,000 parameterised inserts in one transaction, then a 100,000-row select.
-- Usage: assay run bench.lua URL [inserts] [select_rows]; prints JSON timings (ms): wall
-- time, and CPU time of the whole process (os.clock: the Lua thread, the I/O worker and
-- the garbage collector's threads).
local url, inserts, selected = ...
inserts = math.tointeger(tonumber(inserts or 10000))
selected = math.tointeger(tonumber(selected or 100000))
local pg = url:match("^postgres") ~= nil
local p = pg and function(i) return "$" .. i end or function() return "?" end

local c = db.connect(url)
db.execute(c, "DROP TABLE IF EXISTS bench_ins")
db.execute(c, "DROP TABLE IF EXISTS bench_sel")
db.execute(c, "CREATE TABLE bench_ins (id integer, name text, score double precision)")
db.execute(c, "CREATE TABLE bench_sel (id integer, name text, score double precision)")
-- the select's table is filled by the engine itself (not timed)
if pg then
  db.execute(c, "INSERT INTO bench_sel SELECT g, 'name-' || g, g * 0.5 FROM generate_series(1, " .. selected .. ") g")
else
  db.execute(c, "WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < " .. selected .. ") INSERT INTO bench_sel SELECT g, 'name-' || g, g * 0.5 FROM s")
end

local sql = "INSERT INTO bench_ins (id, name, score) VALUES (" .. p(1) .. ", " .. p(2) .. ", " .. p(3) .. ")"
local t0, c0 = time(), os.clock()
db.transaction(c, function()
  for i = 1, inserts do
    db.execute(c, sql, { i, "name-" .. i, i * 0.5 })
  end
end)
local t1, c1 = time(), os.clock()
local rows = db.query(c, "SELECT id, name, score FROM bench_sel")
local sum = 0
for i = 1, #rows do sum = sum + rows[i].id end
local t2, c2 = time(), os.clock()
assert(#rows == selected and sum == selected * (selected + 1) // 2, "wrong result")
db.close(c)
print(string.format('{"insert_ms": %.1f, "select_ms": %.1f, "insert_cpu_ms": %.1f, "select_cpu_ms": %.1f}',
  (t1 - t0) * 1000, (t2 - t1) * 1000, (c1 - c0) * 1000, (c2 - c1) * 1000))
