-- assay.s3 against a real S3-compatible server: put/get/list/copy/delete round trips.
-- The server is, in this order:
--   * ASSAY_S3_ENDPOINT (+ ASSAY_S3_ACCESS_KEY, ASSAY_S3_SECRET_KEY, ASSAY_S3_REGION): any
--     running S3-compatible server (MinIO, ...); the test makes and removes its own bucket;
--   * s3rver (the npm package `s3rver`, a fake S3 in Node), started here on a free port:
--     ASSAY_S3RVER names its executable, else node_modules/.bin/s3rver is used. s3rver checks
--     the access key but not V4 signatures; the signatures themselves are checked against
--     AWS's published examples in sigv4_test.lua.
-- Without either the tests are skipped.
local s3 = require("assay.s3")

local function exists(path)
  local f = io.open(path, "r")
  if f then f:close() end
  return f ~= nil
end

--- Starts s3rver on 127.0.0.1 with a fresh data directory; returns its URL and a stop function.
-- A watchdog shell stops it when this process ends, should the last test not run.
local function start_s3rver(bin)
  local dir = fs.tempdir()
  local logfile = dir .. "/s3rver.log"
  fs.mkdir(dir .. "/data")
  -- s3rver's continuation tokens use DES, which OpenSSL 3 keeps in its legacy provider
  local p = io.popen(table.concat({
    "P=$PPID",
    ("NODE_OPTIONS=--openssl-legacy-provider %q -d %q -a 127.0.0.1 -p 0 >%q 2>&1 &"):format(bin, dir .. "/data", logfile),
    "S=$!",
    "(while kill -0 $P 2>/dev/null; do sleep 1; done; kill $S) >/dev/null 2>&1 &",
    "echo $S $!",
  }, "\n"))
  local server, watchdog = p:read("l"):match("^(%d+) (%d+)$")
  p:close()
  local function stop()
    os.execute("kill " .. server .. " " .. watchdog .. " 2>/dev/null")
    fs.remove(dir)
  end
  for _ = 1, 300 do
    local port = exists(logfile) and fs.read(logfile):match("listening on 127%.0%.0%.1:(%d+)")
    if port then return "http://127.0.0.1:" .. port, stop end
    sleep(0.05)
  end
  local log_text = exists(logfile) and fs.read(logfile) or ""
  stop()
  error("s3rver did not start: " .. log_text)
end

local endpoint, stop, opts = env.get("ASSAY_S3_ENDPOINT"), nil, nil
local s3rver = env.get("ASSAY_S3RVER") or "node_modules/.bin/s3rver"
if endpoint then
  opts = { access_key = env.get("ASSAY_S3_ACCESS_KEY"), secret_key = env.get("ASSAY_S3_SECRET_KEY"), region = env.get("ASSAY_S3_REGION") }
elseif exists(s3rver) then
  endpoint, stop = start_s3rver(s3rver)
  opts = { access_key = "S3RVER", secret_key = "S3RVER" } -- s3rver's built-in account
else
  test.skip("put/get/list/delete against a real S3-compatible server",
    "set ASSAY_S3_ENDPOINT, or install s3rver (npm i s3rver) / set ASSAY_S3RVER")
  return
end

opts.endpoint = endpoint
local c = s3.client(opts)
local BUCKET = "assay-it-" .. crypto.random(8):lower()

--- Runs fn, then stops the server after the last test.
local function finally(fn)
  return function()
    local ok, err = pcall(fn)
    if stop then stop() end
    if not ok then error(err, 0) end
  end
end

test("create_bucket, bucket_exists, list_buckets", function()
  assert.eq(c:bucket_exists(BUCKET), false)
  assert.eq(c:create_bucket(BUCKET), true)
  assert.eq(c:bucket_exists(BUCKET), true)
  local names = {}
  for _, b in ipairs(c:list_buckets()) do names[b.name] = b.creation_date end
  assert.not_nil(names[BUCKET], "new bucket listed")
end)

local BINARY = "\0\1\2\255\254 binary\r\n" .. string.rep("x", 70000)

test("put_object and get_object round-trip text, binary and awkward keys", function()
  assert.eq(c:put_object(BUCKET, "hello.txt", "Hello, S3!", { content_type = "text/plain", metadata = { owner = "ops" } }), true)
  c:put_object(BUCKET, "bin/blob.dat", BINARY)
  c:put_object(BUCKET, "dir/sub/my file+(1) é.txt", "spaces")
  c:put_object(BUCKET, "empty", nil)
  c:put_object(BUCKET, "dir/readme.txt", "read me")
  assert.eq(c:get_object(BUCKET, "hello.txt"), "Hello, S3!")
  assert.eq(c:get_object(BUCKET, "bin/blob.dat"), BINARY)
  assert.eq(c:get_object(BUCKET, "dir/sub/my file+(1) é.txt"), "spaces")
  assert.eq(c:get_object(BUCKET, "empty"), "")
  assert.eq(c:get_object(BUCKET, "missing"), nil)
end)

test("head_object: size, type, etag, metadata; nil when missing", function()
  local h = c:head_object(BUCKET, "hello.txt")
  assert.eq(h.size, 10)
  assert.eq(h.content_type, "text/plain")
  assert.matches(h.etag, "^%x+$")
  assert.eq(h.metadata.owner, "ops")
  assert.eq(c:head_object(BUCKET, "missing"), nil)
end)

test("list_objects: prefix, delimiter, pagination", function()
  local all = c:list_objects(BUCKET)
  assert.eq(#all.objects, 5)
  assert.eq(all.is_truncated, false)
  local by_key = {}
  for _, o in ipairs(all.objects) do by_key[o.key] = o end
  assert.eq(by_key["bin/blob.dat"].size, #BINARY)
  assert.eq(by_key["dir/sub/my file+(1) é.txt"].size, 6)
  -- (s3rver lists a common prefix only when an object sits directly in it: dir/readme.txt)
  local top = c:list_objects(BUCKET, { delimiter = "/" })
  assert.eq(#top.objects, 2) -- empty, hello.txt
  table.sort(top.prefixes)
  assert.same(top.prefixes, { "bin/", "dir/" })
  assert.eq(#c:list_objects(BUCKET, { prefix = "dir/" }).objects, 2)
  local seen, token, pages = {}, nil, 0
  repeat
    local page = c:list_objects(BUCKET, { max_keys = 3, continuation_token = token })
    pages = pages + 1
    for _, o in ipairs(page.objects) do seen[#seen + 1] = o.key end
    token = page.is_truncated and page.next_continuation_token or nil
  until not token
  assert.eq(pages, 2)
  assert.eq(#seen, 5)
end)

test("copy_object copies between keys", function()
  -- (s3rver reads x-amz-copy-source with decodeURI, which leaves %2B etc. encoded: no + here)
  assert.eq(c:copy_object(BUCKET, "dir/readme.txt", BUCKET, "copies/copy (1) é.txt"), true)
  assert.eq(c:get_object(BUCKET, "copies/copy (1) é.txt"), "read me")
end)

test("errors: an unknown access key, a wrong secret, a non-empty bucket", function()
  local bad = s3.client({ endpoint = endpoint, access_key = "NOSUCHKEY", secret_key = opts.secret_key, region = opts.region })
  local ok, err = pcall(bad.get_object, bad, BUCKET, "hello.txt")
  assert.eq(ok, false)
  assert.contains(tostring(err), "s3: get_object " .. BUCKET .. "/hello.txt: HTTP 403 InvalidAccessKeyId")
  if not stop then -- s3rver does not check V4 signatures (only the access key); real servers do
    bad = s3.client({ endpoint = endpoint, access_key = opts.access_key, secret_key = "wrong", region = opts.region })
    ok, err = pcall(bad.get_object, bad, BUCKET, "hello.txt")
    assert.eq(ok, false)
    assert.contains(tostring(err), "s3: get_object " .. BUCKET .. "/hello.txt: HTTP 403 SignatureDoesNotMatch")
  end
  ok, err = pcall(c.delete_bucket, c, BUCKET)
  assert.eq(ok, false)
  assert.contains(tostring(err), "s3: delete_bucket " .. BUCKET .. ": HTTP 409 BucketNotEmpty")
end)

test("delete_object, delete_bucket", finally(function()
  for _, o in ipairs(c:list_objects(BUCKET).objects) do assert.eq(c:delete_object(BUCKET, o.key), true) end
  assert.eq(#c:list_objects(BUCKET).objects, 0)
  assert.eq(c:get_object(BUCKET, "hello.txt"), nil)
  assert.eq(c:delete_bucket(BUCKET), true)
  assert.eq(c:bucket_exists(BUCKET), false)
end))
