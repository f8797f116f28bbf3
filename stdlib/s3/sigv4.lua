--- @module assay.s3.sigv4
-- AWS Signature Version 4 (header form) on the `crypto.hash` and `crypto.hmac` builtins: the
-- canonical request, the string to sign, the derived signing key and the Authorization header.
-- Pure functions of their inputs (the time is an argument), so a request can be signed with a
-- fixed date and credentials and compared with AWS's published examples.
--
--   local sigv4 = require("assay.s3.sigv4")
--   local s = sigv4.sign({
--     method = "GET", path = "/test.txt", query = {},
--     headers = { host = "examplebucket.s3.amazonaws.com", range = "bytes=0-9",
--                 ["x-amz-content-sha256"] = sigv4.EMPTY_SHA256, ["x-amz-date"] = "20130524T000000Z" },
--     payload_hash = sigv4.EMPTY_SHA256, datetime = "20130524T000000Z",
--     access_key = "AKIAIOSFODNN7EXAMPLE", secret_key = "...", region = "us-east-1",
--   })
--   -- s.authorization, s.signature, s.canonical_request, s.string_to_sign
--
-- Encoding follows S3's rules: every byte but the unreserved `A-Z a-z 0-9 - . _ ~` is
-- percent-encoded with upper-case hex (a space is `%20`), path segments once, `/` kept.

local M = {}

--- The SHA-256 of the empty string: the payload hash of a request without a body.
M.EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
--- The payload hash that tells S3 the body is not signed.
M.UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"

local ALGORITHM = "AWS4-HMAC-SHA256"

--- Percent-encodes a string as SigV4 wants: unreserved bytes kept, the rest `%XX`.
-- @param s string the text
-- @param keep_slash boolean|nil true to leave `/` as is (for paths)
-- @return string the encoded text
function M.uri_encode(s, keep_slash)
  local pattern = keep_slash and "[^%w%-%._~/]" or "[^%w%-%._~]"
  return (tostring(s):gsub(pattern, function(ch) return ("%%%02X"):format(ch:byte()) end))
end

--- The canonical URI of a path (not yet encoded): each segment encoded once, `/` kept.
-- @param path string the path, "" or nil for the root
-- @return string the canonical URI ("/" for the root)
function M.canonical_uri(path)
  if path == nil or path == "" then return "/" end
  return M.uri_encode(path, true)
end

--- The canonical query string: parameters encoded, sorted by name then value, `name=value`
-- joined with `&` (a parameter without value gives `name=`).
-- @param params table|nil `{name = value}` (value a string, a number or true for none)
-- @return string the canonical query ("" when there are no parameters)
function M.canonical_query(params)
  local pairs_list = {}
  for k, v in pairs(params or {}) do
    if v == true then v = "" end
    pairs_list[#pairs_list + 1] = { M.uri_encode(k), M.uri_encode(v) }
  end
  table.sort(pairs_list, function(a, b)
    if a[1] ~= b[1] then return a[1] < b[1] end
    return a[2] < b[2]
  end)
  local parts = {}
  for i, kv in ipairs(pairs_list) do parts[i] = kv[1] .. "=" .. kv[2] end
  return table.concat(parts, "&")
end

--- The canonical headers and the signed-headers list: names lower-cased and sorted, values
-- trimmed with inner runs of spaces folded to one.
-- @param headers table `{name = value}`
-- @return string canonical headers (each line ending in "\n"), string signed headers
function M.canonical_headers(headers)
  local names, values = {}, {}
  for k, v in pairs(headers) do
    local name = k:lower()
    names[#names + 1] = name
    values[name] = tostring(v):gsub("^%s+", ""):gsub("%s+$", ""):gsub("%s+", " ")
  end
  table.sort(names)
  local lines = {}
  for i, name in ipairs(names) do lines[i] = name .. ":" .. values[name] .. "\n" end
  return table.concat(lines), table.concat(names, ";")
end

--- The `x-amz-date` form of a time: `YYYYMMDDTHHMMSSZ` (UTC).
-- @param epoch number seconds since the epoch
-- @return string the timestamp
function M.amz_date(epoch)
  return os.date("!%Y%m%dT%H%M%SZ", math.floor(epoch))
end

--- The signing key: HMAC chain over the date, region, service and "aws4_request".
-- @param secret_key string the secret access key
-- @param date string `YYYYMMDD`
-- @param region string the region
-- @param service string the service ("s3")
-- @return string the key's raw bytes
function M.signing_key(secret_key, date, region, service)
  local k = crypto.hmac("AWS4" .. secret_key, date, "sha256", true)
  k = crypto.hmac(k, region, "sha256", true)
  k = crypto.hmac(k, service, "sha256", true)
  return crypto.hmac(k, "aws4_request", "sha256", true)
end

--- Signs a request. Every header given is signed (include `host`, `x-amz-date` and
-- `x-amz-content-sha256`).
-- @param req table `method`, `path` (not encoded), `query` (`{name = value}`), `headers`,
--   `payload_hash` (hex SHA-256 of the body or UNSIGNED_PAYLOAD), `datetime`
--   (`YYYYMMDDTHHMMSSZ`), `access_key`, `secret_key`, `region`, `service` (default "s3")
-- @return table `{authorization, signature, signed_headers, credential_scope,
--   canonical_request, string_to_sign}`
function M.sign(req)
  local service = req.service or "s3"
  local date = req.datetime:sub(1, 8)
  local scope = date .. "/" .. req.region .. "/" .. service .. "/aws4_request"
  local canonical_headers, signed_headers = M.canonical_headers(req.headers)
  local canonical_request = table.concat({
    req.method:upper(), M.canonical_uri(req.path), M.canonical_query(req.query),
    canonical_headers, signed_headers, req.payload_hash,
  }, "\n")
  local string_to_sign = table.concat({
    ALGORITHM, req.datetime, scope, crypto.hash(canonical_request, "sha256"),
  }, "\n")
  local signature = crypto.hmac(M.signing_key(req.secret_key, date, req.region, service), string_to_sign, "sha256")
  return {
    authorization = ALGORITHM .. " Credential=" .. req.access_key .. "/" .. scope
      .. ",SignedHeaders=" .. signed_headers .. ",Signature=" .. signature,
    signature = signature,
    signed_headers = signed_headers,
    credential_scope = scope,
    canonical_request = canonical_request,
    string_to_sign = string_to_sign,
  }
end

return M
