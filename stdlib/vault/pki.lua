--- @module assay.vault.pki
-- Vault's PKI secrets engine: issue and sign certificates, read the CA, create roles.
-- Each function takes a client of `assay.vault` first; the client has them as methods
-- (`pki.issue(c, "pki", "web", {...})` is `c:pki_issue("pki", "web", {...})`).
-- Requests and status rules are the client's (see `assay.vault`).

local M = {}

--- Issues a certificate and key from a role (POST /v1/<mount>/issue/<role>).
-- @param c client of assay.vault
-- @param mount string the PKI mount (`pki`)
-- @param role string the role
-- @param opts table|nil the request: `common_name`, `alt_names`, `ip_sans`, `ttl`, ... (default {})
-- @return the response's `data` (`certificate`, `issuing_ca`, `ca_chain`, `private_key`,
--   `private_key_type`, `serial_number`, `expiration`), or nil (204)
function M.issue(c, mount, role, opts)
  local j = c:_post("/v1/" .. mount .. "/issue/" .. role, opts or {})
  return j and j.data or nil
end

--- Signs a CSR with a role (POST /v1/<mount>/sign/<role>, body opts plus `csr`). Not in v0.4.
-- @param c client of assay.vault
-- @param mount string the PKI mount
-- @param role string the role
-- @param csr string the certificate request in PEM
-- @param opts table|nil more of the request: `common_name`, `ttl`, ...
-- @return the response's `data` (`certificate`, `issuing_ca`, `ca_chain`, `serial_number`,
--   `expiration`), or nil (204)
function M.sign(c, mount, role, csr, opts)
  local body = { csr = csr }
  for k, v in pairs(opts or {}) do body[k] = v end
  local j = c:_post("/v1/" .. mount .. "/sign/" .. role, body)
  return j and j.data or nil
end

--- The CA certificate of a mount (GET /v1/<mount>/ca/pem, without the token).
-- @param c client of assay.vault
-- @param mount string|nil the PKI mount (default `pki`)
-- @return the PEM text; non-200 → error `vault: pki ca cert HTTP <s>`
function M.ca_cert(c, mount)
  local resp = c:_request("GET", "/v1/" .. (mount or "pki") .. "/ca/pem", nil, true)
  if resp.status ~= 200 then error("vault: pki ca cert HTTP " .. resp.status) end
  return resp.body
end

--- Creates or updates a role (POST /v1/<mount>/roles/<role>).
-- @param c client of assay.vault
-- @param mount string the PKI mount
-- @param role string the role
-- @param opts table|nil `allowed_domains`, `allow_subdomains`, `max_ttl`, ... (default {})
-- @return the response JSON, or nil (204)
function M.create_role(c, mount, role, opts)
  return c:_post("/v1/" .. mount .. "/roles/" .. role, opts or {})
end

return M
