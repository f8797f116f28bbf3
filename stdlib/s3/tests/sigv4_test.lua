-- assay.s3.sigv4 against the example signatures AWS publishes in its SigV4 documentation
-- ("Signature Calculations for the Authorization Header: Transferring Payload in a Single
-- Chunk"): the same credentials, date and requests give the same canonical requests, strings
-- to sign and signatures. The client is then checked on the same examples, end to end, with
-- the http builtin replaced by a recorder.
local sigv4 = require("assay.s3.sigv4")
local s3 = require("assay.s3")

local ACCESS = "AKIAIOSFODNN7EXAMPLE"
local SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
local DATE = "20130524T000000Z"
local EPOCH = 1369353600 -- 2013-05-24T00:00:00Z
local HOST = "examplebucket.s3.amazonaws.com"
local SCOPE = "AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request"

local function sign(method, path, query, headers, payload_hash)
  headers.host = HOST
  headers["x-amz-date"] = DATE
  headers["x-amz-content-sha256"] = payload_hash
  return sigv4.sign({
    method = method, path = path, query = query, headers = headers, payload_hash = payload_hash,
    datetime = DATE, access_key = ACCESS, secret_key = SECRET, region = "us-east-1", service = "s3",
  })
end

test("AWS example: GET Object (Range header, empty payload)", function()
  local s = sign("GET", "/test.txt", {}, { range = "bytes=0-9" }, sigv4.EMPTY_SHA256)
  assert.eq(s.canonical_request, table.concat({
    "GET", "/test.txt", "",
    "host:examplebucket.s3.amazonaws.com", "range:bytes=0-9",
    "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "x-amz-date:20130524T000000Z", "",
    "host;range;x-amz-content-sha256;x-amz-date",
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  }, "\n"))
  assert.eq(s.string_to_sign, "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
    .. "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972")
  assert.eq(s.signature, "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
  assert.eq(s.authorization, "AWS4-HMAC-SHA256 Credential=" .. SCOPE
    .. ",SignedHeaders=host;range;x-amz-content-sha256;x-amz-date"
    .. ",Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
end)

test("AWS example: PUT Object (key with $, storage class, signed payload)", function()
  local body = "Welcome to Amazon S3."
  local hash = crypto.hash(body, "sha256")
  assert.eq(hash, "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
  local s = sign("PUT", "/test$file.text", {}, {
    date = "Fri, 24 May 2013 00:00:00 GMT", ["x-amz-storage-class"] = "REDUCED_REDUNDANCY",
  }, hash)
  assert.eq(s.canonical_request:match("^PUT\n([^\n]*)\n"), "/test%24file.text")
  assert.eq(s.signed_headers, "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class")
  assert.eq(s.string_to_sign:match("[^\n]+$"), "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d")
  assert.eq(s.signature, "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
end)

test("AWS example: GET Bucket Lifecycle (a parameter without value)", function()
  local s = sign("GET", "/", { lifecycle = true }, {}, sigv4.EMPTY_SHA256)
  assert.eq(s.canonical_request:match("^GET\n/\n([^\n]*)\n"), "lifecycle=")
  assert.eq(s.string_to_sign:match("[^\n]+$"), "9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca")
  assert.eq(s.signature, "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543")
end)

test("AWS example: GET Bucket / List Objects (query sorted)", function()
  local s = sign("GET", "", { prefix = "J", ["max-keys"] = 2 }, {}, sigv4.EMPTY_SHA256)
  assert.eq(s.canonical_request:match("^GET\n/\n([^\n]*)\n"), "max-keys=2&prefix=J")
  assert.eq(s.string_to_sign:match("[^\n]+$"), "df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7")
  assert.eq(s.signature, "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")
end)

test("the signing key chain (AWS's published derived key for the IAM example)", function()
  -- "Deriving the signing key": secret wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY,
  -- 20120215 / us-east-1 / iam
  local k = sigv4.signing_key("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam")
  local hex = k:gsub(".", function(c) return ("%02x"):format(c:byte()) end)
  assert.eq(hex, "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
end)

test("uri_encode: unreserved kept, everything else %XX upper-case, / only for paths", function()
  assert.eq(sigv4.uri_encode("AZaz09-._~"), "AZaz09-._~")
  assert.eq(sigv4.uri_encode("a b+c/d=e&f*g%h"), "a%20b%2Bc%2Fd%3De%26f%2Ag%25h")
  assert.eq(sigv4.uri_encode("a b/c", true), "a%20b/c")
  assert.eq(sigv4.uri_encode("é"), "%C3%A9")
  assert.eq(sigv4.uri_encode(42), "42")
  assert.eq(sigv4.canonical_uri(""), "/")
  assert.eq(sigv4.canonical_uri(nil), "/")
  assert.eq(sigv4.canonical_uri("/b/dir/my file+1.txt"), "/b/dir/my%20file%2B1.txt")
end)

test("canonical_query: encoded, sorted by name then value, empty values as name=", function()
  assert.eq(sigv4.canonical_query(nil), "")
  assert.eq(sigv4.canonical_query({}), "")
  assert.eq(sigv4.canonical_query({ ["list-type"] = 2, prefix = "a b/c", ["continuation-token"] = "1/x+y=", acl = true }),
    "acl=&continuation-token=1%2Fx%2By%3D&list-type=2&prefix=a%20b%2Fc")
  assert.eq(sigv4.canonical_query({ B = "1", a = "2" }), "B=1&a=2", "byte order: upper case first")
end)

test("canonical_headers: lower-case names, trimmed values, folded spaces", function()
  local lines, signed = sigv4.canonical_headers({ ["X-Amz-Meta-Note"] = "  two   words  ", Host = "h" })
  assert.eq(lines, "host:h\nx-amz-meta-note:two words\n")
  assert.eq(signed, "host;x-amz-meta-note")
end)

test("amz_date formats UTC", function()
  assert.eq(sigv4.amz_date(EPOCH), DATE)
  assert.eq(sigv4.amz_date(1770984000.75), "20260213T120000Z")
end)

--- Runs fn(calls) with http.get/put/delete replaced by recorders answering `resp`.
local function recording(resp, fn)
  local saved, calls = { http.get, http.put, http.delete }, {}
  http.get = function(url, opts) calls[#calls + 1] = { method = "GET", url = url, opts = opts }; return resp end
  http.put = function(url, body, opts) calls[#calls + 1] = { method = "PUT", url = url, body = body, opts = opts }; return resp end
  http.delete = function(url, opts) calls[#calls + 1] = { method = "DELETE", url = url, opts = opts }; return resp end
  local ok, err = pcall(fn, calls)
  http.get, http.put, http.delete = saved[1], saved[2], saved[3]
  if not ok then error(err, 0) end
end

local function example_client()
  return s3.client({ endpoint = "https://s3.amazonaws.com", region = "us-east-1", access_key = ACCESS, secret_key = SECRET,
                     path_style = false, now = function() return EPOCH end })
end

test("the client sends AWS's GET Object example with its published Authorization", function()
  recording({ status = 206, body = "0123456789", headers = {} }, function(calls)
    local body = example_client():get_object("examplebucket", "test.txt", { headers = { Range = "bytes=0-9" } })
    assert.eq(body, "0123456789")
    local c = calls[1]
    assert.eq(c.method, "GET")
    assert.eq(c.url, "https://examplebucket.s3.amazonaws.com/test.txt")
    local h = c.opts.headers
    assert.eq(h.host, HOST)
    assert.eq(h["x-amz-date"], DATE)
    assert.eq(h["x-amz-content-sha256"], sigv4.EMPTY_SHA256)
    assert.eq(h.range, "bytes=0-9")
    assert.eq(h.authorization, "AWS4-HMAC-SHA256 Credential=" .. SCOPE
      .. ",SignedHeaders=host;range;x-amz-content-sha256;x-amz-date"
      .. ",Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
  end)
end)

test("the client sends AWS's PUT Object example with its published Authorization", function()
  recording({ status = 200, body = "", headers = { etag = '"1b2cf535f27731c974343645a3985328"' } }, function(calls)
    local ok, etag = example_client():put_object("examplebucket", "test$file.text", "Welcome to Amazon S3.", {
      headers = { Date = "Fri, 24 May 2013 00:00:00 GMT", ["x-amz-storage-class"] = "REDUCED_REDUNDANCY" },
    })
    assert.eq(ok, true)
    assert.eq(etag, "1b2cf535f27731c974343645a3985328")
    local c = calls[1]
    assert.eq(c.url, "https://examplebucket.s3.amazonaws.com/test%24file.text")
    assert.eq(c.body, "Welcome to Amazon S3.")
    assert.eq(c.opts.headers.authorization, "AWS4-HMAC-SHA256 Credential=" .. SCOPE
      .. ",SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class"
      .. ",Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
  end)
end)
