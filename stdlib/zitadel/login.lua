--- @module assay.zitadel.login
-- The parts of assay.zitadel that shape how people log in: identity providers (Google,
-- generic OIDC), the instance's login policy, and users' e-mail addresses. The functions here
-- are methods of the zitadel client (assay.zitadel installs them).

local api = require("assay.zitadel.api")
local request = api.request

local Client = {}

-- Identity providers ----------------------------------------------------------------------

local function provider_options(o, extra)
  if o.providerOptions then return o.providerOptions end
  local opts = { isLinkingAllowed = true, isCreationAllowed = true, isAutoCreation = true, isAutoUpdate = true }
  for k, v in pairs(extra or {}) do opts[k] = v end
  return opts
end

--- Finds an identity provider template by exact name.
-- @param name string the provider's name
-- @return table|nil the provider (`id`, `name`, ...), nil when none matches or the search fails
function Client:find_idp(name)
  return api.find_by_name(self, "/admin/v1/idps/templates/_search", "idpNameQuery", name)
end

--- Ensures an instance-wide Google identity provider named "Google".
-- @param o table `clientId`, `clientSecret`; optional `scopes` (default openid, email,
--   profile) and `providerOptions` (default: linking, creation, auto-creation, auto-update)
-- @return string|nil the provider's id, nil (with a warning) when creation fails
function Client:ensure_google_idp(o)
  local existing = self:find_idp("Google")
  if existing then
    log.info("Google IdP already exists (id=" .. tostring(existing.id) .. ")")
    return existing.id
  end
  local resp = request(self, "POST", "/admin/v1/idps/google", {
    name = "Google", clientId = o.clientId, clientSecret = o.clientSecret,
    scopes = o.scopes or { "openid", "email", "profile" }, providerOptions = provider_options(o),
  })
  if resp.status ~= 200 then
    log.warn("zitadel: failed to create Google IdP (HTTP " .. resp.status .. ")")
    return nil
  end
  local data = json.parse(resp.body)
  local id = data.idp_id or data.id
  log.info("Created Google IdP (id=" .. tostring(id) .. ")")
  return id
end

--- Ensures an instance-wide generic OIDC identity provider: creates it, or updates the
-- existing one of that name (PUT) and keeps its id.
-- @param o table `name` (required), `clientId`, `clientSecret`, `issuer`; optional `scopes`,
--   `isIdTokenMapping` (default true), `providerOptions` (default as for Google, plus
--   `autoLinking = o.autoLinking or "AUTO_LINKING_OPTION_EMAIL"`)
-- @return string|nil the provider's id, nil (with a warning) when creation fails
function Client:ensure_oidc_idp(o)
  local name = o.name
  assert.not_nil(name, "zitadel: ensure_oidc_idp requires name")
  local body = {
    name = name, clientId = o.clientId, clientSecret = o.clientSecret, issuer = o.issuer,
    scopes = o.scopes or { "openid", "email", "profile" },
    isIdTokenMapping = o.isIdTokenMapping ~= false,
    providerOptions = provider_options(o, { autoLinking = o.autoLinking or "AUTO_LINKING_OPTION_EMAIL" }),
  }
  local existing = self:find_idp(name)
  if existing then
    log.info(name .. " IdP already exists (id=" .. tostring(existing.id) .. "), updating...")
    local resp = request(self, "PUT", "/admin/v1/idps/generic_oidc/" .. existing.id, body)
    if resp.status == 200 then
      log.info(name .. " IdP updated")
    else
      log.warn("zitadel: failed to update " .. name .. " IdP (HTTP " .. resp.status .. ")")
    end
    return existing.id
  end
  local resp = request(self, "POST", "/admin/v1/idps/generic_oidc", body)
  if resp.status ~= 200 then
    log.warn("zitadel: failed to create " .. name .. " IdP (HTTP " .. resp.status .. "): " .. resp.body)
    return nil
  end
  local id = json.parse(resp.body).id
  log.info("Created " .. name .. " IdP (id=" .. tostring(id) .. ")")
  return id
end

--- Adds an identity provider to the instance's login policy (409, already there, is fine).
-- @param idp_id string the provider's id
-- @return boolean
function Client:add_idp_to_login_policy(idp_id)
  local resp = request(self, "POST", "/admin/v1/policies/login/idps", { idpId = idp_id, ownerType = "IDPOWNERTYPE_SYSTEM" })
  if resp.status == 200 then
    log.info("IdP " .. idp_id .. " added to login policy")
    return true
  elseif resp.status == 409 then
    log.info("IdP " .. idp_id .. " already in login policy")
    return true
  end
  log.warn("zitadel: failed to add IdP to login policy (HTTP " .. resp.status .. ")")
  return false
end

-- Users and the login policy --------------------------------------------------------------

--- Searches users (`POST /management/v1/users/_search`).
-- @param query table|nil the search body (`{queries = {...}}`)
-- @return table the `result` list, `{}` on failure
function Client:search_users(query)
  local resp = request(self, "POST", "/management/v1/users/_search", query)
  if resp.status ~= 200 then
    log.warn("zitadel: user search failed (HTTP " .. resp.status .. ")")
    return {}
  end
  return json.parse(resp.body).result or {}
end

--- Sets a user's e-mail address, marked verified.
-- @param user_id string the user's id
-- @param email string the address
-- @return boolean
function Client:update_user_email(user_id, email)
  local resp = request(self, "PUT", "/management/v1/users/" .. user_id .. "/email", { email = email, isEmailVerified = true })
  if resp.status == 200 then
    log.info("Updated user " .. user_id .. " email to " .. email)
    return true
  end
  log.warn("zitadel: failed to update user email (HTTP " .. resp.status .. ")")
  return false
end

--- Reads the instance's login policy.
-- @return table|nil the `policy`, nil on failure
function Client:get_login_policy()
  local resp = request(self, "GET", "/admin/v1/policies/login")
  if resp.status ~= 200 then return nil end
  return json.parse(resp.body).policy
end

--- Replaces the instance's login policy.
-- @param policy table the new policy
-- @return boolean
function Client:update_login_policy(policy)
  local resp = request(self, "PUT", "/admin/v1/policies/login", policy)
  if resp.status == 200 then
    log.info("Login policy updated")
    return true
  end
  log.warn("zitadel: failed to update login policy (HTTP " .. resp.status .. "): " .. resp.body)
  return false
end

local LIFETIMES = {
  "passwordCheckLifetime", "externalLoginCheckLifetime", "mfaInitSkipLifetime",
  "secondFactorCheckLifetime", "multiFactorCheckLifetime",
}

--- Turns off username/password login (external identity providers only), keeping the
-- policy's other settings.
-- @return boolean true when done or already off, false when the policy cannot be read/written
function Client:disable_password_login()
  local policy = self:get_login_policy()
  if not policy then
    log.warn("zitadel: could not read login policy")
    return false
  end
  if not policy.allowUsernamePassword then
    log.info("Password login already disabled")
    return true
  end
  local update = {
    allowUsernamePassword = false, allowExternalIdp = true,
    allowRegister = policy.allowRegister or false, forceMfa = policy.forceMfa or false,
    passwordlessType = policy.passwordlessType or "PASSWORDLESS_TYPE_NOT_ALLOWED",
    hidePasswordReset = true,
  }
  for _, k in ipairs(LIFETIMES) do update[k] = policy[k] end
  return self:update_login_policy(update)
end

return Client
