-- assay.zitadel: identity providers, users and the login policy.
local S = dofile((arg[0]:match("^(.*/)") or "") .. "support.lua")

local IDP_SEARCH = "/admin/v1/idps/templates/_search"
local POLICY = "/admin/v1/policies/login"

local function idp_query(name)
  return { queries = { { idpNameQuery = { method = "TEXT_QUERY_METHOD_EQUALS", name = name } } } }
end

local function idps(list)
  return function() return { json = { result = json.array(list) } } end
end

local DEFAULT_OPTIONS = { isAutoCreation = true, isAutoUpdate = true, isCreationAllowed = true, isLinkingAllowed = true }

test("find_idp searches templates by exact name", function()
  S.with_zitadel({ ["POST " .. IDP_SEARCH] = idps({ { id = "i1", name = "Google", type = "IDP_TYPE_GOOGLE" } }) }, function(c, m)
    assert.eq(c:find_idp("Google").id, "i1")
    S.check(m:last(), { method = "POST", path = IDP_SEARCH, json = idp_query("Google") })
  end)
  S.with_zitadel({ ["POST " .. IDP_SEARCH] = { status = 500, body = "x" } }, function(c)
    assert.eq(c:find_idp("Google"), nil)
  end)
  S.with_zitadel({ ["POST " .. IDP_SEARCH] = idps({}) }, function(c)
    assert.eq(c:find_idp("Google"), nil)
  end)
end)

test("ensure_google_idp returns an existing provider's id", function()
  S.with_zitadel({ ["POST " .. IDP_SEARCH] = idps({ { id = "i1", name = "Google" } }) }, function(c, m)
    local lines, id = S.logs(function() return c:ensure_google_idp({ clientId = "g", clientSecret = "s" }) end)
    assert.eq(id, "i1")
    assert.eq(#m.requests, 1)
    assert.same(lines, { "INFO Google IdP already exists (id=i1)" })
  end)
end)

test("ensure_google_idp creates the provider with default scopes and options", function()
  S.with_zitadel({
    ["POST " .. IDP_SEARCH] = idps({}),
    ["POST /admin/v1/idps/google"] = { json = { id = "i2", details = {} } },
  }, function(c, m)
    local lines, id = S.logs(function() return c:ensure_google_idp({ clientId = "gid", clientSecret = "gsecret" }) end)
    assert.eq(id, "i2")
    S.check(m:last(), { method = "POST", path = "/admin/v1/idps/google", json = {
      name = "Google", clientId = "gid", clientSecret = "gsecret",
      scopes = { "openid", "email", "profile" }, providerOptions = DEFAULT_OPTIONS,
    } })
    assert.same(lines, { "INFO Created Google IdP (id=i2)" })
  end)
end)

test("ensure_google_idp: caller scopes/options, idp_id answers, failure → nil", function()
  local answer = { json = { idp_id = "legacy" } }
  S.with_zitadel({
    ["POST " .. IDP_SEARCH] = idps({}),
    ["POST /admin/v1/idps/google"] = function() return answer end,
  }, function(c, m)
    local o = { clientId = "g", clientSecret = "s", scopes = { "openid" }, providerOptions = { isLinkingAllowed = false } }
    local _, id = S.logs(function() return c:ensure_google_idp(o) end)
    assert.eq(id, "legacy")
    S.check(m:last(), { method = "POST", path = "/admin/v1/idps/google", json = {
      name = "Google", clientId = "g", clientSecret = "s", scopes = { "openid" }, providerOptions = { isLinkingAllowed = false },
    } })
    answer = { status = 400, body = "bad" }
    local lines
    lines, id = S.logs(function() return c:ensure_google_idp(o) end)
    assert.eq(id, nil)
    assert.same(lines, { "WARN zitadel: failed to create Google IdP (HTTP 400)" })
  end)
end)

local OIDC_BODY = {
  name = "Dex", clientId = "zitadel", clientSecret = "dexsecret", issuer = "https://dex.example.com",
  scopes = { "openid", "email", "profile" }, isIdTokenMapping = true,
  providerOptions = { autoLinking = "AUTO_LINKING_OPTION_EMAIL", isAutoCreation = true, isAutoUpdate = true, isCreationAllowed = true, isLinkingAllowed = true },
}

test("ensure_oidc_idp requires a name", function()
  S.with_zitadel({}, function(c, m)
    S.fails("zitadel: ensure_oidc_idp requires name", c.ensure_oidc_idp, c, { clientId = "x" })
    assert.eq(#m.requests, 0)
  end)
end)

test("ensure_oidc_idp creates a generic OIDC provider", function()
  S.with_zitadel({
    ["POST " .. IDP_SEARCH] = idps({}),
    ["POST /admin/v1/idps/generic_oidc"] = { json = { id = "i3" } },
  }, function(c, m)
    local lines, id = S.logs(function()
      return c:ensure_oidc_idp({ name = "Dex", clientId = "zitadel", clientSecret = "dexsecret", issuer = "https://dex.example.com" })
    end)
    assert.eq(id, "i3")
    S.check(m.requests[1], { method = "POST", path = IDP_SEARCH, json = idp_query("Dex") })
    S.check(m:last(), { method = "POST", path = "/admin/v1/idps/generic_oidc", json = OIDC_BODY })
    assert.same(lines, { "INFO Created Dex IdP (id=i3)" })
  end)
end)

test("ensure_oidc_idp updates an existing provider and keeps its id", function()
  local status = 200
  S.with_zitadel({
    ["POST " .. IDP_SEARCH] = idps({ { id = "i3", name = "Dex" } }),
    ["PUT /admin/v1/idps/generic_oidc/i3"] = function() return { status = status, json = {} } end,
  }, function(c, m)
    local o = { name = "Dex", clientId = "zitadel", clientSecret = "dexsecret", issuer = "https://dex.example.com",
                isIdTokenMapping = false, autoLinking = "AUTO_LINKING_OPTION_USERNAME" }
    local lines, id = S.logs(function() return c:ensure_oidc_idp(o) end)
    assert.eq(id, "i3")
    local body = json.parse(json.encode(OIDC_BODY))
    body.isIdTokenMapping = false
    body.providerOptions.autoLinking = "AUTO_LINKING_OPTION_USERNAME"
    S.check(m:last(), { method = "PUT", path = "/admin/v1/idps/generic_oidc/i3", json = body })
    assert.same(lines, { "INFO Dex IdP already exists (id=i3), updating...", "INFO Dex IdP updated" })
    status = 400
    lines, id = S.logs(function() return c:ensure_oidc_idp(o) end)
    assert.eq(id, "i3")
    assert.eq(lines[2], "WARN zitadel: failed to update Dex IdP (HTTP 400)")
  end)
end)

test("ensure_oidc_idp returns nil when creation fails", function()
  S.with_zitadel({
    ["POST " .. IDP_SEARCH] = idps({}),
    ["POST /admin/v1/idps/generic_oidc"] = { status = 400, body = "issuer unreachable" },
  }, function(c)
    local lines, id = S.logs(function() return c:ensure_oidc_idp({ name = "Dex", providerOptions = {} }) end)
    assert.eq(id, nil)
    assert.same(lines, { "WARN zitadel: failed to create Dex IdP (HTTP 400): issuer unreachable" })
  end)
end)

test("add_idp_to_login_policy: 200 and 409 are true, others false", function()
  local status = 200
  S.with_zitadel({ ["POST " .. POLICY .. "/idps"] = function() return { status = status, json = {} } end }, function(c, m)
    local lines, r = S.logs(function() return c:add_idp_to_login_policy("i1") end)
    assert.eq(r, true)
    S.check(m:last(), { method = "POST", path = POLICY .. "/idps", json = { idpId = "i1", ownerType = "IDPOWNERTYPE_SYSTEM" } })
    assert.same(lines, { "INFO IdP i1 added to login policy" })
    status = 409
    lines, r = S.logs(function() return c:add_idp_to_login_policy("i1") end)
    assert.eq(r, true)
    assert.same(lines, { "INFO IdP i1 already in login policy" })
    status = 404
    lines, r = S.logs(function() return c:add_idp_to_login_policy("i1") end)
    assert.eq(r, false)
    assert.same(lines, { "WARN zitadel: failed to add IdP to login policy (HTTP 404)" })
  end)
end)

test("search_users POSTs the query and returns result, {} on failure", function()
  local answer = { json = { result = { { id = "u1", userName = "alice" } } } }
  S.with_zitadel({ ["POST /management/v1/users/_search"] = function() return answer end }, function(c, m)
    local q = { queries = { { userNameQuery = { userName = "alice", method = "TEXT_QUERY_METHOD_EQUALS" } } } }
    assert.eq(c:search_users(q)[1].userName, "alice")
    S.check(m:last(), { method = "POST", path = "/management/v1/users/_search", json = q })
    c:search_users()
    S.check(m:last(), { method = "POST", path = "/management/v1/users/_search", body = "{}" })
    answer = { json = { details = {} } }
    assert.same(c:search_users(q), {})
    answer = { status = 403, body = "denied" }
    local lines, r = S.logs(function() return c:search_users(q) end)
    assert.same(r, {})
    assert.same(lines, { "WARN zitadel: user search failed (HTTP 403)" })
  end)
end)

test("update_user_email PUTs a verified address", function()
  local status = 200
  S.with_zitadel({ ["PUT /management/v1/users/u1/email"] = function() return { status = status, json = {} } end }, function(c, m)
    local lines, r = S.logs(function() return c:update_user_email("u1", "alice@example.com") end)
    assert.eq(r, true)
    S.check(m:last(), { method = "PUT", path = "/management/v1/users/u1/email", json = { email = "alice@example.com", isEmailVerified = true } })
    assert.same(lines, { "INFO Updated user u1 email to alice@example.com" })
    status = 400
    lines, r = S.logs(function() return c:update_user_email("u1", "bad") end)
    assert.eq(r, false)
    assert.same(lines, { "WARN zitadel: failed to update user email (HTTP 400)" })
  end)
end)

local POLICY_BODY = {
  policy = {
    allowUsernamePassword = true, allowRegister = true, allowExternalIdp = true, forceMfa = false,
    passwordlessType = "PASSWORDLESS_TYPE_ALLOWED", hidePasswordReset = false,
    passwordCheckLifetime = "864000s", externalLoginCheckLifetime = "864000s",
    mfaInitSkipLifetime = "2592000s", secondFactorCheckLifetime = "64800s", multiFactorCheckLifetime = "43200s",
    isDefault = true,
  },
}

test("get_login_policy returns policy, nil on failure", function()
  local answer = { json = POLICY_BODY }
  S.with_zitadel({ ["GET " .. POLICY] = function() return answer end }, function(c, m)
    assert.eq(c:get_login_policy().passwordCheckLifetime, "864000s")
    S.check(m:last(), { method = "GET", path = POLICY })
    answer = { status = 500, body = "x" }
    assert.eq(c:get_login_policy(), nil)
  end)
end)

test("update_login_policy PUTs the policy; true on 200, false otherwise", function()
  local status = 200
  S.with_zitadel({ ["PUT " .. POLICY] = function() return { status = status, body = status == 200 and "{}" or "invalid" } end }, function(c, m)
    local lines, r = S.logs(function() return c:update_login_policy({ allowRegister = false }) end)
    assert.eq(r, true)
    S.check(m:last(), { method = "PUT", path = POLICY, json = { allowRegister = false } })
    assert.same(lines, { "INFO Login policy updated" })
    status = 400
    lines, r = S.logs(function() return c:update_login_policy({ allowRegister = false }) end)
    assert.eq(r, false)
    assert.same(lines, { "WARN zitadel: failed to update login policy (HTTP 400): invalid" })
  end)
end)

test("disable_password_login updates the policy, keeping its settings", function()
  S.with_zitadel({ ["GET " .. POLICY] = { json = POLICY_BODY }, ["PUT " .. POLICY] = { json = {} } }, function(c, m)
    local _, r = S.logs(function() return c:disable_password_login() end)
    assert.eq(r, true)
    local p = POLICY_BODY.policy
    S.check(m:last(), { method = "PUT", path = POLICY, json = {
      allowUsernamePassword = false, allowExternalIdp = true, allowRegister = true, forceMfa = false,
      passwordlessType = "PASSWORDLESS_TYPE_ALLOWED", hidePasswordReset = true,
      passwordCheckLifetime = p.passwordCheckLifetime, externalLoginCheckLifetime = p.externalLoginCheckLifetime,
      mfaInitSkipLifetime = p.mfaInitSkipLifetime, secondFactorCheckLifetime = p.secondFactorCheckLifetime,
      multiFactorCheckLifetime = p.multiFactorCheckLifetime,
    } })
  end)
end)

test("disable_password_login: defaults for missing settings", function()
  S.with_zitadel({ ["GET " .. POLICY] = { json = { policy = { allowUsernamePassword = true } } }, ["PUT " .. POLICY] = { json = {} } }, function(c, m)
    S.logs(function() return c:disable_password_login() end)
    S.check(m:last(), { method = "PUT", path = POLICY, json = {
      allowUsernamePassword = false, allowExternalIdp = true, allowRegister = false, forceMfa = false,
      passwordlessType = "PASSWORDLESS_TYPE_NOT_ALLOWED", hidePasswordReset = true,
    } })
  end)
end)

test("disable_password_login: already off → true without PUT; unreadable → false; PUT fails → false", function()
  local answer = { json = { policy = { allowUsernamePassword = false } } }
  S.with_zitadel({ ["GET " .. POLICY] = function() return answer end, ["PUT " .. POLICY] = { status = 400, body = "no" } }, function(c, m)
    local lines, r = S.logs(function() return c:disable_password_login() end)
    assert.eq(r, true)
    assert.same(lines, { "INFO Password login already disabled" })
    assert.eq(m:count("PUT " .. POLICY), 0)
    answer = { status = 403, body = "denied" }
    lines, r = S.logs(function() return c:disable_password_login() end)
    assert.eq(r, false)
    assert.same(lines, { "WARN zitadel: could not read login policy" })
    answer = { json = POLICY_BODY }
    _, r = S.logs(function() return c:disable_password_login() end)
    assert.eq(r, false)
  end)
end)
