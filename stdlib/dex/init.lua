--- @module assay.dex
-- Dex, the OpenID Connect provider, v0.4-compatible: the discovery document, the JSON Web Key
-- Set it points to, health, what it supports, a check of its configuration and the admin
-- API's version. Module functions taking the Dex base URL (trailing slashes are stripped).
--
--   local dex = require("assay.dex")
--   local keys = dex.jwks("https://dex.example.com").keys
--   local claims = crypto.jwt_verify(id_token, dex.jwks(url), { issuer = dex.issuer(url) }).claims
--
-- Requests carry no credentials. A discovery answer other than 200 raises
-- `dex.discovery: HTTP <status>: <body>`; a JWKS answer other than 200 raises
-- `dex.jwks: HTTP <status>: <body>`.

local rest = require("assay.internal.rest")

local M = {}

local function base(url)
  if type(url) ~= "string" then error("dex: url must be a string", 3) end
  return (url:gsub("/+$", ""))
end

--- Reads the OpenID discovery document (`/.well-known/openid-configuration`).
-- @param url string the Dex base URL (the issuer)
-- @return table the document (`issuer`, `jwks_uri`, `authorization_endpoint`, ...)
function M.discovery(url)
  return rest.request(base(url), "GET", "/.well-known/openid-configuration", nil, { what = "dex.discovery:" })
end

--- Reads the JSON Web Key Set at the discovery document's `jwks_uri` (an absolute URL).
-- Raises `dex.jwks: discovery response missing jwks_uri` when there is none.
-- @param url string the Dex base URL
-- @return table the key set `{keys = {{kty, kid, alg, use, n, e, ...}, ...}}`, usable as the
--   key of `crypto.jwt_verify`
function M.jwks(url)
  local doc = M.discovery(url)
  if not doc.jwks_uri then error("dex.jwks: discovery response missing jwks_uri") end
  return rest.request("", "GET", doc.jwks_uri, nil, { what = "dex.jwks:" })
end

--- The issuer named by the discovery document.
-- @param url string the Dex base URL
-- @return string|nil the issuer
function M.issuer(url)
  return M.discovery(url).issuer
end

--- Whether `/healthz` answers 200.
-- @param url string the Dex base URL
-- @return boolean
function M.health(url)
  return http.get(base(url) .. "/healthz", { headers = {} }).status == 200
end

--- The same check as `health` (Dex has one health endpoint).
-- @param url string the Dex base URL
-- @return boolean
function M.ready(url)
  return M.health(url)
end

--- Whether the discovery document has a field `key` (`"userinfo_endpoint"`, ...).
-- @param url string the Dex base URL
-- @param key string a field of the document
-- @return boolean
function M.has_endpoint(url, key)
  return M.discovery(url)[key] ~= nil
end

--- The `scopes_supported` of the discovery document.
-- @param url string the Dex base URL
-- @return table a list of scopes, `{}` when absent
function M.supported_scopes(url)
  return M.discovery(url).scopes_supported or {}
end

--- The `response_types_supported` of the discovery document.
-- @param url string the Dex base URL
-- @return table a list, `{}` when absent
function M.supported_response_types(url)
  return M.discovery(url).response_types_supported or {}
end

--- The `grant_types_supported` of the discovery document.
-- @param url string the Dex base URL
-- @return table a list, `{}` when absent
function M.supported_grant_types(url)
  return M.discovery(url).grant_types_supported or {}
end

local function member(list, value)
  for _, v in ipairs(list) do
    if v == value then return true end
  end
  return false
end

--- Whether a scope is among `scopes_supported`.
-- @param url string the Dex base URL
-- @param scope string a scope ("groups")
-- @return boolean
function M.supports_scope(url, scope)
  return member(M.supported_scopes(url), scope)
end

--- Whether a grant type is among `grant_types_supported`.
-- @param url string the Dex base URL
-- @param grant string a grant type ("refresh_token")
-- @return boolean
function M.supports_grant_type(url, grant)
  return member(M.supported_grant_types(url), grant)
end

--- Checks the discovery document: the issuer equals the URL (slashes stripped) and the
-- authorization, token and JWKS endpoints are present. A failed discovery is reported, not
-- raised (`discovery failed: <error>`).
-- @param url string the Dex base URL
-- @return table `{ok, errors}`; errors in the order issuer, authorization_endpoint,
--   token_endpoint, jwks_uri
function M.validate_config(url)
  local ok, doc = pcall(M.discovery, url)
  if not ok then return { ok = false, errors = { "discovery failed: " .. tostring(doc) } } end
  local errors = {}
  if not doc.issuer then
    errors[#errors + 1] = "missing issuer"
  elseif doc.issuer ~= base(url) then
    errors[#errors + 1] = "issuer mismatch: expected " .. base(url) .. ", got " .. tostring(doc.issuer)
  end
  for _, key in ipairs({ "authorization_endpoint", "token_endpoint", "jwks_uri" }) do
    if not doc[key] then errors[#errors + 1] = "missing " .. key end
  end
  return { ok = #errors == 0, errors = errors }
end

--- The admin API's version (`GET /api/v1/version`); nil on any failure.
-- @param url string the Dex base URL (of the API's HTTP gateway)
-- @return table|nil the version document
function M.admin_version(url)
  local ok, version = pcall(function()
    return rest.request(base(url), "GET", "/api/v1/version", nil, { what = "dex.admin_version:" })
  end)
  if ok then return version end
  return nil
end

return M
