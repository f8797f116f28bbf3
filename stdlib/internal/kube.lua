--- @module assay.internal.kube
-- What the stdlib's clients of Kubernetes custom resources share (flux, certmanager,
-- crossplane, eso, velero, kargo; internal, not an API for scripts): the client object,
-- resource paths, requests with the client's Bearer token, status conditions and readiness
-- roll-ups. Where the modules differ (which list answers a 404 with no items, whether a
-- missing token is checked) the difference is an option of `api`.

local rest = require("assay.internal.rest")

local M = {}

--- Makes a client of class `Client`: public fields `url` (trailing slashes stripped) and
-- `token`. A url that is not a string raises `<name>.client: url must be a string`.
-- @param Client table the client class (its metatable)
-- @param name string the module
-- @param url string the Kubernetes API server URL
-- @param token string|nil the bearer token
-- @param level integer the error's position, as `error`'s level counted from the caller
-- @return table the client
function M.client(Client, name, url, token, level)
  if type(url) ~= "string" then error(name .. ".client: url must be a string", level + 1) end
  return setmetatable({ url = rest.base(url), token = token }, Client)
end

--- The path of a namespaced collection or item: `<group>/namespaces/<ns>/<plural>[/<name>]`.
-- @param group string the API prefix ("/apis/<group>/<version>")
-- @param ns string the namespace
-- @param plural string the resource's plural
-- @param name string|nil the item's name (nil: the collection)
-- @return string
function M.namespaced(group, ns, plural, name)
  local p = group .. "/namespaces/" .. ns .. "/" .. plural
  return name and p .. "/" .. name or p
end

--- The path of a cluster-scoped collection or item: `<group>/<plural>[/<name>]`.
-- @param group string the API prefix
-- @param plural string the resource's plural
-- @param name string|nil the item's name (nil: the collection)
-- @return string
function M.cluster(group, plural, name)
  local p = group .. "/" .. plural
  return name and p .. "/" .. name or p
end

local function no_items() return { items = {} } end

--- The requests of module `name`'s clients, which send `Authorization: Bearer <token>` and
-- raise `<name>: <VERB> <path> HTTP <status>: <body>` pointing at the line that called them.
-- @param name string the module
-- @param opts table|nil `check_token`: a client without a token raises
--   `<name>: the client has no token`; `empty_list_on_404`: `list` answers a 404 with
--   `{items = {}}` (otherwise a 404 raises like any status but 200)
-- @return table `get(self, path)`: the object, nil on 404, else an error unless 200
--   (verb GET); `list(self, path)`: the list object, an error unless 200 (verb LIST);
--   `request(self, method, path, body)`: the decoded answer, an error unless a GET answers
--   200 or another method any 2xx
function M.api(name, opts)
  opts = opts or {}
  local function call(self, method, verb, p, body, on404)
    if opts.check_token and self.token == nil then error(name .. ": the client has no token", 3) end
    return rest.request(self.url, method, p, body, {
      name = name, verb = verb, headers = { Authorization = "Bearer " .. self.token },
      on404 = on404, ok = method ~= "GET" and rest.is_2xx or nil, level = 3,
    })
  end
  local list_404 = opts.empty_list_on_404 and no_items or nil
  return {
    get = function(self, p) return (call(self, "GET", "GET", p, nil, true)) end,
    list = function(self, p) return (call(self, "GET", "LIST", p, nil, list_404)) end,
    request = function(self, method, p, body) return (call(self, method, method, p, body, nil)) end,
  }
end

--- The first condition of type `type` in an object's `status.conditions`, or nil (also for
-- a nil object).
-- @param obj table|nil
-- @param type string the condition type ("Ready", ...)
-- @return table|nil
function M.condition(obj, type)
  for _, cond in ipairs(((obj or {}).status or {}).conditions or {}) do
    if cond.type == type then return cond end
  end
  return nil
end

--- Whether an object's first condition of type `type` has status "True" (false for nil).
-- @param obj table|nil
-- @param type string the condition type
-- @return boolean
function M.is_true(obj, type)
  local cond = M.condition(obj, type)
  return cond ~= nil and cond.status == "True"
end

--- Sorts the items of a list by `pass`: how many pass, how many do not, and the names of
-- those that do not (`metadata.name`, else `unnamed`; with neither, no name is added).
-- @param items table|nil the items
-- @param pass function item → boolean
-- @param unnamed string|nil the name of an item without one
-- @return integer, integer, table
function M.tally(items, pass, unnamed)
  local good, bad, names = 0, 0, {}
  for _, item in ipairs(items or {}) do
    if pass(item) then
      good = good + 1
    else
      bad = bad + 1
      names[#names + 1] = (item.metadata or {}).name or unnamed
    end
  end
  return good, bad, names
end

return M
