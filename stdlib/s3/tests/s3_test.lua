-- assay.s3 against a mock S3: each request's method, path, query, headers and body, its
-- signature checked as a server would (support.lua), and the parsed answers.
local S = dofile((arg[0]:match("^(.*/)") or "") .. "support.lua")
local s3 = require("assay.s3")
local sigv4 = require("assay.s3.sigv4")

local NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"'

local function check(req, method, path, query)
  assert.not_nil(req, "no request recorded")
  assert.eq(req.method, method)
  assert.eq(req.path, path)
  assert.eq(req.query, query or "")
end

test("client: required options, endpoint check, defaults and public fields", function()
  S.fails("s3.client: endpoint is required", s3.client, { access_key = "a", secret_key = "s" })
  S.fails("s3.client: access_key is required", s3.client, { endpoint = "http://x", secret_key = "s" })
  S.fails("s3.client: secret_key is required", s3.client, { endpoint = "http://x", access_key = "a" })
  S.fails("s3.client: endpoint is required", s3.client)
  S.fails("s3.client: endpoint must be an http(s) URL, got minio:9000", s3.client, { endpoint = "minio:9000", access_key = "a", secret_key = "s" })
  local c = s3.client({ endpoint = "https://minio.example.com:9000//", access_key = "a", secret_key = "s" })
  assert.eq(c.endpoint, "https://minio.example.com:9000")
  assert.eq(c.region, "us-east-1")
  assert.eq(c.path_style, true)
  assert.eq(c.access_key, "a")
  assert.eq(s3.client({ endpoint = "http://x", access_key = "a", secret_key = "s", region = "eu-west-1", path_style = false }).path_style, false)
end)

test("list_buckets GETs / signed, and parses ListAllMyBucketsResult", function()
  S.with_s3({ ["GET /"] = S.xml("<ListAllMyBucketsResult " .. NS .. "><Owner><ID>o</ID><DisplayName>minio</DisplayName></Owner><Buckets>"
    .. "<Bucket><Name>backups</Name><CreationDate>2026-02-01T10:00:00.000Z</CreationDate></Bucket>"
    .. "<Bucket><Name>logs</Name><CreationDate>2026-02-02T10:00:00.000Z</CreationDate></Bucket>"
    .. "</Buckets></ListAllMyBucketsResult>") }, function(c, m)
    local b = c:list_buckets()
    assert.same(b, {
      { name = "backups", creation_date = "2026-02-01T10:00:00.000Z" },
      { name = "logs", creation_date = "2026-02-02T10:00:00.000Z" },
    })
    local req = m:last()
    check(req, "GET", "/")
    assert.eq(req.body, "")
    assert.eq(req.headers.host, "127.0.0.1:" .. m.port)
    assert.eq(req.headers["x-amz-content-sha256"], sigv4.EMPTY_SHA256)
    assert.eq(req.headers["x-amz-date"], S.DATE)
    assert.matches(req.headers.authorization, "^AWS4%-HMAC%-SHA256 Credential=AKIDEXAMPLE/20260213/us%-east%-1/s3/aws4_request,SignedHeaders=host;x%-amz%-content%-sha256;x%-amz%-date,Signature=%x+$")
  end)
end)

test("list_buckets: none; an S3 error raises s3: list_buckets: HTTP <s> <Code>: <Message>", function()
  S.with_s3({ ["GET /"] = S.xml("<ListAllMyBucketsResult><Buckets></Buckets></ListAllMyBucketsResult>") }, function(c)
    assert.same(c:list_buckets(), {})
  end)
  S.with_s3({ ["GET /"] = S.error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.") }, function(c)
    S.fails("s3: list_buckets: HTTP 403 InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.", c.list_buckets, c)
  end)
end)

test("create_bucket: no body in us-east-1, a LocationConstraint elsewhere", function()
  S.with_s3({ ["PUT /backups"] = { status = 200, headers = { location = "/backups" } } }, function(c, m)
    assert.eq(c:create_bucket("backups"), true)
    check(m:last(), "PUT", "/backups")
    assert.eq(m:last().body, "")
    assert.eq(m:last().headers["content-type"], nil)
  end)
  S.with_s3({ ["PUT /backups"] = { status = 200 } }, function(c, m)
    c:create_bucket("backups")
    local req = m:last()
    assert.eq(req.body, '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
      .. "<LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>")
    assert.eq(req.headers["content-type"], "application/xml")
    assert.eq(req.headers["x-amz-content-sha256"], crypto.hash(req.body, "sha256"))
    assert.contains(req.headers.authorization, "/eu-west-1/s3/aws4_request,SignedHeaders=content-type;host;")
  end, { region = "eu-west-1" })
end)

test("create_bucket / delete_bucket errors name the bucket", function()
  S.with_s3({
    ["PUT /backups"] = S.error(409, "BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it."),
    ["DELETE /backups"] = S.error(409, "BucketNotEmpty", "The bucket you tried to delete is not empty"),
  }, function(c)
    S.fails("s3: create_bucket backups: HTTP 409 BucketAlreadyOwnedByYou: Your previous request", c.create_bucket, c, "backups")
    S.fails("s3: delete_bucket backups: HTTP 409 BucketNotEmpty: The bucket you tried to delete is not empty", c.delete_bucket, c, "backups")
  end)
end)

test("delete_bucket DELETEs the bucket (204)", function()
  S.with_s3({ ["DELETE /old"] = { status = 204 } }, function(c, m)
    assert.eq(c:delete_bucket("old"), true)
    check(m:last(), "DELETE", "/old")
  end)
end)

test("bucket_exists lists zero keys: 200 true, anything else false", function()
  local answer = S.xml("<ListBucketResult><Name>b</Name><KeyCount>0</KeyCount><MaxKeys>0</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>")
  S.with_s3({ ["GET /b"] = function() return answer end }, function(c, m)
    assert.eq(c:bucket_exists("b"), true)
    check(m:last(), "GET", "/b", "list-type=2&max-keys=0")
    answer = S.error(404, "NoSuchBucket", "The specified bucket does not exist")
    assert.eq(c:bucket_exists("b"), false)
    answer = S.error(403, "AccessDenied", "Access Denied")
    assert.eq(c:bucket_exists("b"), false)
  end)
end)

test("put_object PUTs the body, signed by its hash, with type, metadata and headers", function()
  S.with_s3({ ["PUT /backups/db/:file"] = { status = 200, headers = { etag = '"d41d8cd98f00b204e9800998ecf8427e"' } } }, function(c, m)
    local body = "\0\1binary\255 dump\n"
    local ok, etag = c:put_object("backups", "db/my file+1.sql", body, {
      content_type = "application/sql", metadata = { Owner = "ops", run = 7 }, headers = { ["Cache-Control"] = "no-cache" },
    })
    assert.eq(ok, true)
    assert.eq(etag, "d41d8cd98f00b204e9800998ecf8427e")
    local req = m:last()
    check(req, "PUT", "/backups/db/my%20file%2B1.sql")
    assert.eq(req.params.file, "my file+1.sql")
    assert.eq(req.body, body)
    assert.eq(req.headers["x-amz-content-sha256"], crypto.hash(body, "sha256"))
    assert.eq(req.headers["content-type"], "application/sql")
    assert.eq(req.headers["x-amz-meta-owner"], "ops")
    assert.eq(req.headers["x-amz-meta-run"], "7")
    assert.eq(req.headers["cache-control"], "no-cache")
    assert.contains(req.headers.authorization, "SignedHeaders=cache-control;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-owner;x-amz-meta-run,")
  end)
end)

test("put_object of nil sends an empty body; errors name bucket/key", function()
  S.with_s3({ ["PUT /b/empty"] = { status = 200 }, ["PUT /b/denied"] = S.error(403, "AccessDenied", "Access Denied") }, function(c, m)
    local ok, etag = c:put_object("b", "empty")
    assert.eq(ok, true)
    assert.eq(etag, nil)
    assert.eq(m:last().body, "")
    assert.eq(m:last().headers["x-amz-content-sha256"], sigv4.EMPTY_SHA256)
    S.fails("s3: put_object b/denied: HTTP 403 AccessDenied: Access Denied", c.put_object, c, "b", "denied", "x")
  end)
end)

test("unsigned_payload and session_token clients", function()
  S.with_s3({ ["PUT /b/k"] = { status = 200 } }, function(c, m)
    c:put_object("b", "k", "data")
    local req = m:last()
    assert.eq(req.headers["x-amz-content-sha256"], "UNSIGNED-PAYLOAD")
    assert.eq(req.headers["x-amz-security-token"], "FwoGZXIvYXdzEXAMPLE")
    assert.contains(req.headers.authorization, "SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,")
  end, { unsigned_payload = true, session_token = "FwoGZXIvYXdzEXAMPLE" })
end)

test("get_object returns the body (bytes) and the headers", function()
  local body = "line 1\n\0\255 end"
  S.with_s3({ ["GET /b/dir/a.bin"] = { status = 200, headers = { etag = '"abc"', ["content-type"] = "application/octet-stream" }, body = body } }, function(c, m)
    local got, headers = c:get_object("b", "dir/a.bin")
    assert.eq(got, body)
    assert.eq(headers.etag, '"abc"')
    check(m:last(), "GET", "/b/dir/a.bin")
    c:get_object("b", "dir/a.bin", { headers = { range = "bytes=0-3" } })
    assert.eq(m:last().headers.range, "bytes=0-3")
    assert.contains(m:last().headers.authorization, "SignedHeaders=host;range;")
  end)
end)

test("get_object: nil for NoSuchKey; raises for NoSuchBucket and other errors", function()
  S.with_s3({
    ["GET /b/gone"] = S.error(404, "NoSuchKey", "The specified key does not exist."),
    ["GET /nob/k"] = S.error(404, "NoSuchBucket", "The specified bucket does not exist"),
    ["GET /b/boom"] = { status = 500, body = "upstream timeout" },
    ["GET /b/denied"] = { status = 403, body = "" },
  }, function(c)
    assert.eq(c:get_object("b", "gone"), nil)
    S.fails("s3: get_object nob/k: HTTP 404 NoSuchBucket: The specified bucket does not exist", c.get_object, c, "nob", "k")
    S.fails("s3: get_object b/boom: HTTP 500: upstream timeout", c.get_object, c, "b", "boom")
    local ok, err = pcall(c.get_object, c, "b", "denied")
    assert.eq(ok, false)
    assert.matches(tostring(err), "s3: get_object b/denied: HTTP 403$")
  end)
end)

test("head_object returns size, etag, type, date and x-amz-meta-* metadata", function()
  S.with_s3({ ["GET /b/k.txt"] = { status = 200, body = "hello", headers = {
    etag = '"5d41402abc4b2a76b9719d911017c592"', ["last-modified"] = "Fri, 13 Feb 2026 10:00:00 GMT",
    ["content-type"] = "text/plain", ["x-amz-meta-owner"] = "ops",
  } } }, function(c, m)
    local h = c:head_object("b", "k.txt")
    assert.eq(h.status, 200)
    assert.eq(h.size, 5)
    assert.eq(h.etag, "5d41402abc4b2a76b9719d911017c592")
    assert.eq(h.last_modified, "Fri, 13 Feb 2026 10:00:00 GMT")
    assert.eq(h.content_type, "text/plain")
    assert.same(h.metadata, { owner = "ops" })
    assert.eq(h.headers["x-amz-meta-owner"], "ops")
    check(m:last(), "GET", "/b/k.txt")
  end)
end)

test("head_object: nil for a missing key; raises otherwise", function()
  S.with_s3({
    ["GET /b/gone"] = { status = 404, body = "" },
    ["GET /b/nokey"] = S.error(404, "NoSuchKey", "The specified key does not exist."),
    ["GET /nob/k"] = S.error(404, "NoSuchBucket", "The specified bucket does not exist"),
    ["GET /b/denied"] = S.error(403, "AccessDenied", "Access Denied"),
  }, function(c)
    assert.eq(c:head_object("b", "gone"), nil)
    assert.eq(c:head_object("b", "nokey"), nil)
    S.fails("s3: head_object nob/k: HTTP 404 NoSuchBucket", c.head_object, c, "nob", "k")
    S.fails("s3: head_object b/denied: HTTP 403 AccessDenied: Access Denied", c.head_object, c, "b", "denied")
  end)
end)

test("delete_object DELETEs the key (204); errors raise", function()
  S.with_s3({ ["DELETE /b/dir/old.txt"] = { status = 204 }, ["DELETE /b/x"] = S.error(403, "AccessDenied", "Access Denied") }, function(c, m)
    assert.eq(c:delete_object("b", "dir/old.txt"), true)
    check(m:last(), "DELETE", "/b/dir/old.txt")
    assert.eq(m:last().body, "")
    S.fails("s3: delete_object b/x: HTTP 403 AccessDenied: Access Denied", c.delete_object, c, "b", "x")
  end)
end)

test("copy_object PUTs with an encoded x-amz-copy-source", function()
  local answer = S.xml("<CopyObjectResult><LastModified>2026-02-13T12:00:00.000Z</LastModified><ETag>&quot;abc&quot;</ETag></CopyObjectResult>")
  S.with_s3({ ["PUT /dst/copies/:name"] = function() return answer end }, function(c, m)
    assert.eq(c:copy_object("src", "dir/a b.txt", "dst", "copies/a b.txt"), true)
    local req = m:last()
    check(req, "PUT", "/dst/copies/a%20b.txt")
    assert.eq(req.headers["x-amz-copy-source"], "/src/dir/a%20b.txt")
    assert.eq(req.body, "")
    assert.contains(req.headers.authorization, "SignedHeaders=host;x-amz-content-sha256;x-amz-copy-source;x-amz-date,")
    answer = S.error(404, "NoSuchKey", "The specified key does not exist.")
    S.fails("s3: copy_object dst/copies/x: HTTP 404 NoSuchKey", c.copy_object, c, "src", "x", "dst", "copies/x")
    answer = S.xml("<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>")
    S.fails("s3: copy_object dst/copies/y: HTTP 200 InternalError: We encountered an internal error.", c.copy_object, c, "src", "y", "dst", "copies/y")
  end)
end)

local LISTING = "<ListBucketResult " .. NS .. "><Name>backups</Name><Prefix>db/</Prefix>"
  .. "<NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>"
  .. "<KeyCount>3</KeyCount><MaxKeys>3</MaxKeys><Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>"
  .. "<Contents><Key>db/a.sql</Key><LastModified>2026-02-12T01:00:00.000Z</LastModified><ETag>&quot;e1&quot;</ETag><Size>1024</Size><StorageClass>STANDARD</StorageClass></Contents>"
  .. "<Contents><Key>db/b &amp; c.sql</Key><LastModified>2026-02-13T01:00:00.000Z</LastModified><ETag>&quot;e2-2&quot;</ETag><Size>5368709120</Size><StorageClass>STANDARD</StorageClass></Contents>"
  .. "<CommonPrefixes><Prefix>db/archive/</Prefix></CommonPrefixes></ListBucketResult>"

test("list_objects sends ListObjectsV2 parameters and parses the page", function()
  S.with_s3({ ["GET /backups"] = S.xml(LISTING) }, function(c, m)
    local r = c:list_objects("backups", { prefix = "db/", delimiter = "/", max_keys = 3, continuation_token = "abc+/=", start_after = "db/0" })
    check(m:last(), "GET", "/backups",
      "continuation-token=abc%2B%2F%3D&delimiter=%2F&list-type=2&max-keys=3&prefix=db%2F&start-after=db%2F0")
    assert.eq(#r.objects, 2)
    assert.same(r.objects[1], { key = "db/a.sql", size = 1024, last_modified = "2026-02-12T01:00:00.000Z", etag = "e1", storage_class = "STANDARD" })
    assert.eq(r.objects[2].key, "db/b & c.sql")
    assert.eq(r.objects[2].size, 5368709120)
    assert.eq(math.type(r.objects[2].size), "integer")
    assert.eq(r.objects[2].etag, "e2-2")
    assert.same(r.prefixes, { "db/archive/" })
    assert.eq(r.is_truncated, true)
    assert.eq(r.next_continuation_token, "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")
    assert.eq(r.key_count, 3)
  end)
end)

test("list_objects: defaults, an empty bucket, errors", function()
  local answer = S.xml("<ListBucketResult><Name>b</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>")
  S.with_s3({ ["GET /b"] = function() return answer end }, function(c, m)
    local r = c:list_objects("b")
    check(m:last(), "GET", "/b", "list-type=2")
    assert.same(r, { objects = {}, prefixes = {}, is_truncated = false, key_count = 0 })
    answer = S.error(404, "NoSuchBucket", "The specified bucket does not exist")
    S.fails("s3: list_objects b: HTTP 404 NoSuchBucket: The specified bucket does not exist", c.list_objects, c, "b")
    answer = S.xml("<ListBucketResult><Contents>")
    S.fails("xml: unclosed element", c.list_objects, c, "b")
  end)
end)

test("an endpoint with a path prefix keeps it in every request", function()
  local m = require("assay.testing.mock").server({
    ["GET /s3/b/k"] = { body = "v" },
    ["GET /s3/"] = S.xml("<ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>"),
  })
  local c = S.client(m.url .. "/s3/")
  assert.eq(c:get_object("b", "k"), "v")
  check(m:last(), "GET", "/s3/b/k")
  S.verify(m:last())
  assert.same(c:list_buckets(), {})
  check(m:last(), "GET", "/s3/")
  S.verify(m:last())
  assert.eq(#m:unmatched(), 0)
  m:close()
end)

test("the clock is read per request (time() by default)", function()
  local m = require("assay.testing.mock").server({ ["DELETE /b/k"] = { status = 204 } })
  local c = s3.client({ endpoint = m.url, access_key = S.ACCESS, secret_key = S.SECRET })
  local before = sigv4.amz_date(time())
  c:delete_object("b", "k")
  local after = sigv4.amz_date(time())
  local sent = m:last().headers["x-amz-date"]
  assert.matches(sent, "^%d%d%d%d%d%d%d%dT%d%d%d%d%d%dZ$")
  assert.eq(before <= sent and sent <= after, true, sent .. " not in [" .. before .. ", " .. after .. "]")
  m:close()
end)
