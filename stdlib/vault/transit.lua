--- @module assay.vault.transit
-- Vault's transit secrets engine, mounted at `transit`: encrypt, decrypt, create and list keys.
-- Each function takes a client of `assay.vault` first; the client has them as methods
-- (`transit.encrypt(c, "app", "x")` is `c:transit_encrypt("app", "x")`).
-- Requests and status rules are the client's (see `assay.vault`).

local M = {}

--- Encrypts (POST /v1/transit/encrypt/<key>, body `{plaintext = base64(plaintext)}`).
-- @param c client of assay.vault
-- @param key string the key's name
-- @param plaintext string the bytes to encrypt
-- @return the ciphertext (`vault:v1:...`), or nil when the response has none
function M.encrypt(c, key, plaintext)
  local j = c:_post("/v1/transit/encrypt/" .. key, { plaintext = base64.encode(plaintext) })
  return j and j.data and j.data.ciphertext or nil
end

--- Decrypts (POST /v1/transit/decrypt/<key>, body `{ciphertext}`).
-- @param c client of assay.vault
-- @param key string the key's name
-- @param ciphertext string as encrypt returned it
-- @return the plaintext (base64-decoded), or nil when the response has none
function M.decrypt(c, key, ciphertext)
  local j = c:_post("/v1/transit/decrypt/" .. key, { ciphertext = ciphertext })
  if j and j.data and j.data.plaintext then return base64.decode(j.data.plaintext) end
  return nil
end

--- Creates a key (POST /v1/transit/keys/<key>).
-- @param c client of assay.vault
-- @param key string the key's name
-- @param opts table|nil `type` (`aes256-gcm96`, `rsa-2048`, ...), `exportable`, ... (default {})
-- @return the response JSON, or nil (204)
function M.create_key(c, key, opts)
  return c:_post("/v1/transit/keys/" .. key, opts or {})
end

--- Lists the keys (LIST /v1/transit/keys).
-- @param c client of assay.vault
-- @return array of key names ({} on 404)
function M.list_keys(c)
  return c:_list("/v1/transit/keys")
end

return M
