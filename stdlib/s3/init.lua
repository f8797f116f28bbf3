--- @module assay.s3
-- A small client for S3-compatible object storage (AWS S3, MinIO, Ceph RGW, R2, Garage, ...):
-- buckets and objects — list, create, get, put, copy, delete — signed with AWS Signature V4
-- (assay.s3.sigv4, on `crypto.hmac` and `crypto.hash`); XML answers read by assay.s3.xml.
--
--   local s3 = require("assay.s3")
--   local c = s3.client({ endpoint = "http://minio:9000", region = "us-east-1",
--                         access_key = env.get("S3_KEY"), secret_key = env.get("S3_SECRET") })
--   c:put_object("backups", "db/2026-02-13.sql.gz", data, { content_type = "application/gzip" })
--   for _, o in ipairs(c:list_objects("backups", { prefix = "db/" }).objects) do
--     log.info(o.key .. " " .. o.size)
--   end
--
-- Addressing is path-style (`<endpoint>/<bucket>/<key>`) unless `path_style = false`
-- (virtual-hosted: `<bucket>.<endpoint host>/<key>`). Keys are percent-encoded per segment.
-- The body is signed by its SHA-256 (`unsigned_payload = true` sends UNSIGNED-PAYLOAD instead).
-- Any answer outside 2xx raises `s3: <op> <bucket>/<key>: HTTP <status> <Code>: <Message>`
-- (Code and Message from S3's XML error; the raw body when there is none), with `<bucket>` or
-- nothing in place of `<bucket>/<key>` for bucket and service operations. `get_object` and
-- `head_object` give nil for a missing key (404 NoSuchKey), `bucket_exists` false for any
-- status but 200.

local sigv4 = require("assay.s3.sigv4")
local xml = require("assay.s3.xml")

local M = {}

local Client = {}
Client.__index = Client

--- Creates a client (no request is made).
-- @param opts table `endpoint` (http(s) URL, required; a path prefix is kept), `access_key`
--   and `secret_key` (required), `region` (default "us-east-1"), `path_style` (default true),
--   `unsigned_payload` (default false), `session_token` (sent as x-amz-security-token),
--   `timeout` (seconds per request), `now` (a function returning the epoch seconds to sign
--   with; default `time`)
-- @return client with public fields `endpoint`, `region`, `access_key`, `path_style`, ...
function M.client(opts)
  opts = opts or {}
  for _, field in ipairs({ "endpoint", "access_key", "secret_key" }) do
    if type(opts[field]) ~= "string" or opts[field] == "" then error("s3.client: " .. field .. " is required") end
  end
  local endpoint = opts.endpoint:gsub("/+$", "")
  local scheme, host, base = endpoint:match("^(https?)://([^/?#]+)([^?#]*)$")
  if not scheme then error("s3.client: endpoint must be an http(s) URL, got " .. endpoint) end
  return setmetatable({
    endpoint = endpoint, scheme = scheme, host = host, base_path = base,
    region = opts.region or "us-east-1",
    access_key = opts.access_key, secret_key = opts.secret_key, session_token = opts.session_token,
    path_style = opts.path_style ~= false, unsigned_payload = opts.unsigned_payload == true,
    timeout = opts.timeout, now = opts.now or time,
  }, Client)
end

-- Requests --------------------------------------------------------------------------------

local function target(bucket, key)
  if bucket and key then return " " .. bucket .. "/" .. key end
  if bucket then return " " .. bucket end
  return ""
end

--- The Code and Message of an S3 XML error body, or nil.
local function error_fields(body)
  if not body:find("<Error", 1, true) then return nil end
  local ok, root = pcall(xml.parse, body)
  if not ok or root.name ~= "Error" then return nil end
  return xml.text(root, "Code"), xml.text(root, "Message")
end

--- Raises the error of a failed operation.
local function fail(op, bucket, key, resp)
  local msg = "s3: " .. op .. target(bucket, key) .. ": HTTP " .. resp.status
  local code, message = error_fields(resp.body)
  if code then
    msg = msg .. " " .. code .. ": " .. (message or "")
  elseif resp.body ~= "" then
    msg = msg .. ": " .. resp.body
  end
  error(msg)
end

--- Signs and sends one request. `o`: `query` ({name = value}), `body` (string), `headers`
-- (extra headers, all signed). Returns the response, whatever its status.
local function send(self, method, bucket, key, o)
  o = o or {}
  local body = o.body or ""
  local path, host = self.base_path, self.host
  if bucket then
    if self.path_style then path = path .. "/" .. bucket else host = bucket .. "." .. host end
  end
  if key then
    path = path .. "/" .. key
  elseif bucket == nil or not self.path_style then
    path = path .. "/" -- the service (or a virtual-hosted bucket) is the endpoint's root
  end
  local datetime = sigv4.amz_date(self.now())
  local payload_hash = self.unsigned_payload and sigv4.UNSIGNED_PAYLOAD or crypto.hash(body, "sha256")
  local headers = { host = host, ["x-amz-date"] = datetime, ["x-amz-content-sha256"] = payload_hash }
  if self.session_token then headers["x-amz-security-token"] = self.session_token end
  for k, v in pairs(o.headers or {}) do headers[k:lower()] = tostring(v) end
  headers.authorization = sigv4.sign({
    method = method, path = path, query = o.query, headers = headers, payload_hash = payload_hash,
    datetime = datetime, access_key = self.access_key, secret_key = self.secret_key, region = self.region,
  }).authorization
  local query = sigv4.canonical_query(o.query)
  local url = self.scheme .. "://" .. host .. sigv4.canonical_uri(path) .. (query ~= "" and "?" .. query or "")
  local opts = { headers = headers, timeout = self.timeout }
  if method == "GET" then return http.get(url, opts) end
  if method == "DELETE" then return http.delete(url, opts) end
  return http[method:lower()](url, body, opts)
end

--- Sends a request and raises unless the status is 2xx.
local function call(self, op, method, bucket, key, o)
  local resp = send(self, method, bucket, key, o)
  if resp.status < 200 or resp.status > 299 then fail(op, bucket, key, resp) end
  return resp
end

--- Whether a response is a 404 for a missing key (not a missing bucket).
local function no_such_key(resp)
  if resp.status ~= 404 then return false end
  local code = error_fields(resp.body)
  return code == nil or code == "NoSuchKey"
end

local function unquote(s)
  if s == nil then return nil end
  return (s:gsub('^"(.*)"$', "%1"))
end

-- Buckets ---------------------------------------------------------------------------------

--- Lists the buckets of the account (`GET /`).
-- @return table `{{name, creation_date}, ...}`
function Client:list_buckets()
  local root = xml.parse(call(self, "list_buckets", "GET").body)
  local out = {}
  for _, b in ipairs(xml.all(xml.child(root, "Buckets") or root, "Bucket")) do
    out[#out + 1] = { name = xml.text(b, "Name"), creation_date = xml.text(b, "CreationDate") }
  end
  return out
end

--- Creates a bucket; outside us-east-1 the region goes in a CreateBucketConfiguration body.
-- @param bucket string the bucket's name
-- @return boolean true
function Client:create_bucket(bucket)
  local o = {}
  if self.region ~= "us-east-1" then
    o.body = '<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
      .. "<LocationConstraint>" .. self.region .. "</LocationConstraint></CreateBucketConfiguration>"
    o.headers = { ["content-type"] = "application/xml" }
  end
  call(self, "create_bucket", "PUT", bucket, nil, o)
  return true
end

--- Deletes an (empty) bucket.
-- @param bucket string the bucket's name
-- @return boolean true
function Client:delete_bucket(bucket)
  call(self, "delete_bucket", "DELETE", bucket)
  return true
end

--- Whether a bucket exists and is readable: a one-key listing answers 200 (never raises on
-- an HTTP status).
-- @param bucket string the bucket's name
-- @return boolean
function Client:bucket_exists(bucket)
  return send(self, "GET", bucket, nil, { query = { ["list-type"] = 2, ["max-keys"] = 0 } }).status == 200
end

--- Lists objects (ListObjectsV2), one page.
-- @param bucket string the bucket's name
-- @param opts table|nil `prefix`, `delimiter`, `max_keys`, `continuation_token`, `start_after`
-- @return table `{objects = {{key, size, last_modified, etag, storage_class}, ...},
--   prefixes = {...} (CommonPrefixes, with a delimiter), is_truncated, next_continuation_token,
--   key_count}`
function Client:list_objects(bucket, opts)
  opts = opts or {}
  local query = {
    ["list-type"] = 2, prefix = opts.prefix, delimiter = opts.delimiter, ["max-keys"] = opts.max_keys,
    ["continuation-token"] = opts.continuation_token, ["start-after"] = opts.start_after,
  }
  local root = xml.parse(call(self, "list_objects", "GET", bucket, nil, { query = query }).body)
  local objects, prefixes = {}, {}
  for _, c in ipairs(xml.all(root, "Contents")) do
    objects[#objects + 1] = {
      key = xml.text(c, "Key"), size = math.tointeger(tonumber(xml.text(c, "Size") or "0")) or 0,
      last_modified = xml.text(c, "LastModified"), etag = unquote(xml.text(c, "ETag")),
      storage_class = xml.text(c, "StorageClass"),
    }
  end
  for _, p in ipairs(xml.all(root, "CommonPrefixes")) do prefixes[#prefixes + 1] = xml.text(p, "Prefix") end
  return {
    objects = objects, prefixes = prefixes,
    is_truncated = xml.text(root, "IsTruncated") == "true",
    next_continuation_token = xml.text(root, "NextContinuationToken"),
    key_count = math.tointeger(tonumber(xml.text(root, "KeyCount") or "")) or #objects,
  }
end

-- Objects ---------------------------------------------------------------------------------

--- Uploads an object.
-- @param bucket string the bucket's name
-- @param key string the object's key
-- @param body string|nil the content (bytes; nil = empty)
-- @param opts table|nil `content_type`, `metadata` (`{name = value}` → x-amz-meta-<name>),
--   `headers` (more headers, e.g. `["x-amz-acl"] = "private"`, `["cache-control"]`)
-- @return boolean true, and the ETag (quotes removed)
function Client:put_object(bucket, key, body, opts)
  opts = opts or {}
  local headers = {}
  for k, v in pairs(opts.headers or {}) do headers[k] = v end
  if opts.content_type then headers["content-type"] = opts.content_type end
  for k, v in pairs(opts.metadata or {}) do headers["x-amz-meta-" .. k:lower()] = v end
  local resp = call(self, "put_object", "PUT", bucket, key, { body = body or "", headers = headers })
  return true, unquote(resp.headers.etag)
end

--- Downloads an object.
-- @param bucket string the bucket's name
-- @param key string the object's key
-- @param opts table|nil `headers` (e.g. `{range = "bytes=0-99"}`)
-- @return string|nil the content (nil when the key does not exist), and the response headers
function Client:get_object(bucket, key, opts)
  local resp = send(self, "GET", bucket, key, { headers = (opts or {}).headers })
  if no_such_key(resp) then return nil end
  if resp.status < 200 or resp.status > 299 then fail("get_object", bucket, key, resp) end
  return resp.body, resp.headers
end

--- An object's metadata. (The runtime's http has no HEAD, so this is a GET whose body is
-- dropped.)
-- @param bucket string the bucket's name
-- @param key string the object's key
-- @return table|nil `{status, headers, size, etag, last_modified, content_type, metadata}`
--   (metadata: the x-amz-meta-* headers without the prefix), nil when the key does not exist
function Client:head_object(bucket, key)
  local resp = send(self, "GET", bucket, key)
  if no_such_key(resp) then return nil end
  if resp.status < 200 or resp.status > 299 then fail("head_object", bucket, key, resp) end
  local h, metadata = resp.headers, {}
  for k, v in pairs(h) do
    local name = k:match("^x%-amz%-meta%-(.+)$")
    if name then metadata[name] = v end
  end
  return {
    status = resp.status, headers = h, size = math.tointeger(tonumber(h["content-length"] or "")) or #resp.body,
    etag = unquote(h.etag), last_modified = h["last-modified"], content_type = h["content-type"], metadata = metadata,
  }
end

--- Deletes an object (S3 answers 204 whether or not it existed).
-- @param bucket string the bucket's name
-- @param key string the object's key
-- @return boolean true
function Client:delete_object(bucket, key)
  call(self, "delete_object", "DELETE", bucket, key)
  return true
end

--- Copies an object on the server (also between buckets).
-- @param src_bucket string the source bucket
-- @param src_key string the source key
-- @param dst_bucket string the destination bucket
-- @param dst_key string the destination key
-- @return boolean true
function Client:copy_object(src_bucket, src_key, dst_bucket, dst_key)
  local source = sigv4.uri_encode(src_bucket) .. "/" .. sigv4.uri_encode(src_key, true)
  local resp = call(self, "copy_object", "PUT", dst_bucket, dst_key, { headers = { ["x-amz-copy-source"] = "/" .. source } })
  -- S3 may answer 200 and still report a failed copy in the body
  if error_fields(resp.body) then fail("copy_object", dst_bucket, dst_key, resp) end
  return true
end

return M
